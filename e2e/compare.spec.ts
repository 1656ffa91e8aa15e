import { test, expect } from "@playwright/test";
import { cli, newTenant, signIn, signedInWithoutPageErrors } from "./helpers";
import { completedJob, expectAccessible, screenshot, SEED_PROFILE } from "./page-checks";

// "What changed": an edited re-run links to the evaluation it came from and shows the carriers
// that moved; History compares any two; a pool's history shows what changed between versions;
// saved views reopen from their link for a colleague.

test.describe.configure({ mode: "serial", timeout: 150_000 });

let tenant: ReturnType<typeof newTenant>;
let source = "";
let rerun = "";

test.beforeAll(async ({ request }) => {
  tenant = newTenant("admin");
  source = await completedJob(request, tenant.key);
});

test.describe("signed in", () => {
  signedInWithoutPageErrors(() => tenant);

  test("edit and re-run, then What changed shows the carriers that moved", async ({ page }) => {
    await page.goto(`/jobs/${source}`);
    await page.getByRole("link", { name: "Edit and re-run" }).click();
    await page.getByLabel("Annual revenue").fill("30000000");
    await page.getByRole("button", { name: "Evaluate" }).click();
    await expect(page).toHaveURL(/\/jobs\/eval_[0-9A-Za-z]+$/);
    rerun = page.url().split("/").pop()!;
    await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });

    const origin = page.getByTestId("job-source");
    await expect(origin).toContainText(`Re-run of ${source}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/screens/compare-rerun-job-top.png" });
    await origin.getByRole("link", { name: "What changed" }).click();
    await expect(page).toHaveURL(`/jobs/${source}/compare/${rerun}`);

    await expect(page.getByTestId("compare-inputs")).toContainText("revenue");
    await expect(page.getByTestId("compare-inputs")).toContainText("12,000,000");
    await expect(page.getByTestId("compare-inputs")).toContainText("30,000,000");

    // The same comparison from the API: its first entries are the rows the page shows first.
    const api = await (await page.request.get(`/api/v1/jobs/${source}/compare/${rerun}`, { headers: { "X-API-Key": tenant.key } })).json();
    expect(api.candidates.length).toBeGreaterThan(0);
    const rows = page.getByTestId("change-row");
    await expect(rows.first()).toHaveAttribute("data-candidate", api.candidates[0].name);
    await expect(rows).toHaveCount(Math.min(100, api.candidates.length));
    for (const s of api.summary.sentences.slice(0, 3)) await expect(page.getByTestId("compare-summary")).toContainText(s);

    const material = api.candidates.filter((c: { material: boolean }) => c.material);
    await page.getByRole("button", { name: /^Material/ }).click();
    await expect(rows).toHaveCount(Math.min(100, material.length));
    await expectAccessible(page, "What changed");
    await screenshot(page, "compare-what-changed");
  });

  test("History: pick two evaluations and compare them", async ({ page }) => {
    await page.goto("/jobs");
    await page.getByRole("checkbox", { name: `Select ${SEED_PROFILE.entity} ${source}` }).check();
    await page.getByRole("checkbox", { name: `Select ${SEED_PROFILE.entity} ${rerun}` }).check();
    await screenshot(page, "compare-history-pick");
    await page.getByRole("link", { name: "Compare the 2 selected" }).click();
    // The older one is "before", whichever was ticked first.
    await expect(page).toHaveURL(`/jobs/${source}/compare/${rerun}`);
    await expect(page.getByTestId("compare-sides")).toContainText(source);
  });

  test("Settings → Pools: a pool's history shows what changed between two imports", async ({ page }) => {
    const carrier = (id: string, name: string, states: string[]) => ({
      id,
      name,
      am_best_rating: "A",
      financial_size: "VIII",
      market_type: "admitted",
      admitted_states: states,
      surplus_lines_states: [],
      lines: { general_liability: { appetite: "target", revenue_min: 0, revenue_max: 50_000_000 } },
    });
    const v1 = [carrier("gl_1", "Alder Mutual", ["CA", "NV"]), carrier("gl_2", "Birch Casualty", ["CA", "OR"]), carrier("gl_3", "Cedar Specialty", ["CA"])];
    const v2 = [carrier("gl_1", "Alder Mutual", ["NV"]), carrier("gl_2", "Birch Casualty", ["OR"]), carrier("gl_3", "Cedar Specialty", ["CA", "TX"])];
    const headers = { "X-API-Key": tenant.key, "Content-Type": "application/json" };
    const importVersion = async (v: unknown) =>
      expect((await page.request.post("/api/v1/pools?name=book&domain=carriers", { headers, data: v })).ok()).toBe(true);
    await importVersion(v1);
    // An evaluation on version 1 (a California risk), re-checked in the background once v2 lands.
    const risk = { entity: "golden-state-builders", state: "CA", line: "general_liability", revenue: 2_000_000 };
    const past = await completedJob(page.request, tenant.key, { profile: risk, pool: `${tenant.slug}:book` });
    await importVersion(v2);
    await expect
      .poll(async () => (await (await page.request.get(`/api/v1/jobs/${past}`, { headers })).json()).changed_since?.eval_id ?? null, {
        timeout: 60_000,
        intervals: [250, 500, 1000],
      })
      .toMatch(/^eval_/);
    await page.goto("/jobs");
    const marked = page.getByTestId("history-row").filter({ hasText: past }).getByTestId("changed-since");
    await expect(marked).toBeVisible();
    await screenshot(page, "compare-history-changed-since");
    await marked.click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${past}/compare/eval_`));
    await expect(page.getByTestId("compare-summary")).toContainText("2 carriers are no longer eligible");

    await page.goto("/settings/pools");
    await page.getByRole("button", { name: `History of ${tenant.slug}:book` }).click();
    await expect(page.getByTestId("pool-version-row")).toHaveCount(2);
    const summary = page.getByTestId("pool-diff-summary");
    await expect(summary).toContainText("2 carriers no longer write CA general liability");
    await expect(summary).toContainText("1 carrier now writes TX general liability");
    await expect(page.getByTestId("pool-diff")).toContainText("Birch Casualty");
    await expectAccessible(page, "pool history");
    await screenshot(page, "compare-pool-history");
  });
});

test("a saved view reopens from its link for a colleague in the same organization", async ({ page }) => {
  const colleague = { email: `${tenant.slug}-2@example.test`, password: "correct-horse-battery" };
  cli("users", "create", "--org", tenant.slug, "--email", colleague.email, "--password", colleague.password, "--role", "underwriter");

  await signIn(page, tenant.email, tenant.password);
  await page.goto("/jobs?status=completed&q=acme");
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill("Completed acme");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Saved views")).toHaveValue(/view_/);
  const views = await (await page.request.get("/api/v1/saved-views?page=history")).json();
  const saved = views.data.find((v: { name: string }) => v.name === "Completed acme");
  expect(saved.query).toBe("status=completed&q=acme");
  await screenshot(page, "compare-saved-view");

  // A results view too: Strong fits only, by score.
  await page.goto(`/jobs/${source}`);
  await page
    .getByRole("group", { name: "Filter candidates" })
    .getByLabel(/Strong fit/)
    .check();
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill("Strong only");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Saved views")).toHaveValue(/view_/);
  const results = (await (await page.request.get("/api/v1/saved-views?page=results")).json()).data[0];

  await page.context().clearCookies();
  await signIn(page, colleague.email, colleague.password);
  await page.goto(new URL(saved.url).pathname);
  await expect(page).toHaveURL(/\/jobs\?status=completed&q=acme&view=view_/);
  await expect(page.getByLabel("Status")).toHaveValue("completed");
  await expect(page.getByLabel("Entity")).toHaveValue("acme");
  await expect(page.getByTestId("saved-view-note")).toContainText("Completed acme");

  await page.goto(new URL(results.url).pathname);
  await expect(page).toHaveURL(new RegExp(`/jobs/${source}\\?tier=STRONG_FIT&view=view_`));
  await expect(page.getByRole("group", { name: "Filter candidates" }).getByLabel(/Strong fit/)).toBeChecked();
  await expect(page.getByTestId("saved-view-note")).toContainText("Strong only");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/compare-saved-view-opened-top.png" });
});
