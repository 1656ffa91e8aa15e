import { test, expect, type Page } from "@playwright/test";
import { newTenants, signedInWithoutPageErrors, type Tenant } from "./helpers";
import { completedJob, expectAccessible, screenshot, SEED_PROFILE } from "./page-checks";

// "Edit and re-run": a job opens the New evaluation form with its pool, profile and webhook, and
// only ever a job of the signed-in organization. Then the comparison that lives in the URL.

test.describe.configure({ mode: "serial", timeout: 120_000 });

let tenant: Tenant;
let other: Tenant;
let source = "";
// Loopback is allowed on the e2e server; nothing listens there, which is fine for this test.
const HOOK = "http://127.0.0.1:9/hooks/nexio";

test.beforeAll(async ({ request }) => {
  [tenant, other] = newTenants("underwriter", "underwriter");
  // Not the pool a fresh form preselects (carriers:all), so a checked radio proves the prefill.
  source = await completedJob(request, tenant.key, { pool: "carriers:tier1", webhook_url: HOOK });
});

signedInWithoutPageErrors(() => tenant);

const poolRadio = (page: Page, id: string) => page.getByTestId("pool-option").filter({ hasText: id }).getByRole("radio");

test("Edit and re-run opens the form with the job's pool and profile; a changed revenue runs as a new job", async ({ page }) => {
  await page.goto(`/jobs/${source}`);
  await page.getByRole("link", { name: "Edit and re-run" }).click();
  await expect(page).toHaveURL(`/jobs/new?from=${source}`);

  await expect(page.getByTestId("rerun-note")).toContainText(SEED_PROFILE.entity);
  await expect(page.getByTestId("rerun-note").getByRole("link")).toHaveAttribute("href", `/jobs/${source}`);
  await expect(poolRadio(page, "carriers:tier1")).toBeChecked();
  await expect(poolRadio(page, "carriers:all")).not.toBeChecked();
  await expect(page.getByLabel("Entity")).toHaveValue(SEED_PROFILE.entity);
  await expect(page.getByLabel("Home state")).toHaveValue(SEED_PROFILE.state);
  await expect(page.getByLabel("Line of business")).toHaveValue(SEED_PROFILE.line);
  await expect(page.getByLabel("Annual revenue")).toHaveValue("$12,000,000");
  await expect(page.getByLabel("Webhook URL")).toHaveValue(HOOK);
  await expectAccessible(page, "the pre-filled form");
  await screenshot(page, "rerun-form");

  await page.getByLabel("Annual revenue").fill("30000000");
  await expect(page.getByLabel("Annual revenue")).toHaveValue("$30,000,000");
  const posted = page.waitForRequest((r) => r.url().endsWith("/api/v1/jobs") && r.method() === "POST");
  await page.getByRole("button", { name: "Evaluate" }).click();
  const revised = { ...SEED_PROFILE, revenue: 30_000_000 };
  expect((await posted).postDataJSON()).toEqual({ profile: revised, pool: "carriers:tier1", webhook_url: HOOK, rerun_of: source });
  await expect(page).toHaveURL(/\/jobs\/eval_[0-9A-Za-z]+$/);
  const rerun = page.url().split("/").pop()!;
  expect(rerun).not.toBe(source);
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });

  const headers = { "X-API-Key": tenant.key };
  const job = await (await page.request.get(`/api/v1/jobs/${rerun}`, { headers })).json();
  expect(job).toMatchObject({ status: "completed", pool: "carriers:tier1", profile: revised, webhook_url: HOOK });
  const original = await (await page.request.get(`/api/v1/jobs/${source}`, { headers })).json();
  expect(original.profile).toEqual(SEED_PROFILE);
});

test("History rows offer Edit and re-run", async ({ page }) => {
  await page.goto("/jobs");
  const row = page.getByTestId("history-row").filter({ hasText: source });
  await screenshot(page, "rerun-history");
  await row.getByRole("link", { name: /re-run/i }).click();
  await expect(page).toHaveURL(`/jobs/new?from=${source}`);
  await expect(page.getByLabel("Entity")).toHaveValue(SEED_PROFILE.entity);
});

test("another organization's job, or an unknown one, opens an empty form and shows none of its data", async ({ page, request }) => {
  const secret = { ...SEED_PROFILE, entity: "other-org-confidential", revenue: 77_777_777 };
  const res = await request.post("/api/v1/jobs", {
    headers: { "X-API-Key": other.key },
    data: { profile: secret, pool: "carriers:all", webhook_url: "http://127.0.0.1:9/other-org" },
  });
  expect(res.status(), await res.text()).toBe(202);
  const theirs = (await res.json()).eval_id as string;

  for (const from of [theirs, "eval_0000000000000000", "not-an-id"]) {
    await page.goto(`/jobs/new?from=${from}`);
    await expect(page.getByTestId("rerun-note")).toHaveText("That evaluation could not be found in your organization, so the form starts empty.");
    await expect(poolRadio(page, "carriers:all")).toBeChecked();
    await expect(page.getByLabel("Entity")).toHaveValue("");
    await expect(page.getByLabel("Annual revenue")).toHaveValue("");
    await expect(page.getByLabel("Webhook URL")).toHaveValue("");
    const html = await page.content();
    for (const leak of ["other-org-confidential", "77,777,777", "77777777", "other-org"]) expect(html).not.toContain(leak);
  }
});

test("when the job's pool is no longer offered, no pool is preselected and the form says so", async ({ page }) => {
  // The pool list the form loads, without the job's pool (as after the pool is withdrawn).
  await page.route("**/api/v1/pools", async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    await route.fulfill({ response: res, json: { ...body, data: body.data.filter((p: { id: string }) => p.id !== "carriers:tier1") } });
  });
  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/v1/jobs")) posted++;
  });
  await page.goto(`/jobs/new?from=${source}`);
  await expect(page.getByTestId("pool-gone")).toContainText("carriers:tier1");
  await expect(page.getByTestId("pool-option")).toHaveCount(2);
  for (const radio of await page.getByTestId("pool-option").getByRole("radio").all()) await expect(radio).not.toBeChecked();
  await expect(page.getByLabel("Entity")).toHaveValue(SEED_PROFILE.entity);

  await page.getByRole("button", { name: "Evaluate" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "to submit" })).toContainText("Candidate pool: Choose a pool to evaluate against");
  await expect(page.locator("#pool-error")).toHaveText("Choose a pool to evaluate against");
  expect(posted).toBe(0);
  await page.getByTestId("pool-option").filter({ hasText: "carriers:all" }).click();
  await expect(poolRadio(page, "carriers:all")).toBeChecked();
  await expect(page.locator("#pool-error")).toHaveCount(0);
  await expect(page.getByLabel("Annual revenue")).toHaveValue("$12,000,000");
});

test("the comparison lives in the URL: reload reopens it, Copy link copies it, closing removes it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Another parameter on the page stays as it is, whatever the comparison does.
  await page.goto(`/jobs/${source}?keep=1`);
  await expect(page.getByTestId("results-ready")).toBeVisible();
  const rows = page.getByTestId("candidate-row");
  const picked = [rows.nth(0), rows.nth(2)];
  const ids = await Promise.all(picked.map((r) => r.getAttribute("data-id")));
  const names = await Promise.all(picked.map((r) => r.getByTestId("candidate-name").textContent()));
  for (const r of picked) await r.getByRole("checkbox").check();
  const entries = await page.evaluate(() => history.length);

  const compare = page.getByRole("button", { name: /^Compare/ });
  await compare.click();
  const dialog = page.getByRole("dialog", { name: "Compare 2 candidates" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(`/jobs/${source}?keep=1&compare=${ids.join(",")}`);

  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await expect(dialog.getByText("Loading evidence")).toHaveCount(0, { timeout: 30_000 });
  // The viewport only: a full-page shot stretches the page behind a modal that covers the viewport.
  await page.screenshot({ path: "test-results/screens/compare-url.png" });

  // Opened from the address: the same two, in the same order, and ticked in the table.
  await page.reload();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("compare-column")).toHaveCount(2);
  for (const [i, name] of names.entries()) await expect(dialog.getByTestId("compare-column").nth(i)).toContainText(name!);
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  // Modal: Shift+Tab stays inside the dialog, and nothing behind it can be reached.
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Copy link" })).toBeFocused();
  await expectAccessible(page, "the comparison opened from its link");

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(`/jobs/${source}?keep=1`);
  await expect(compare).toBeFocused();
  for (const r of picked) await expect(r.getByRole("checkbox")).toBeChecked();
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // Unknown ids are ignored; fewer than two known ones open nothing.
  await page.goto(`/jobs/${source}?compare=car_9999,${ids[1]},${ids[0]}`);
  await expect(dialog.getByTestId("compare-column")).toHaveCount(2);
  await expect(dialog.getByTestId("compare-column").nth(0)).toContainText(names[1]!);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page).toHaveURL(`/jobs/${source}`);
  await page.goto(`/jobs/${source}?compare=car_9999,${ids[0]}`);
  await expect(page.getByTestId("results-ready")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
