import fs from "node:fs";
import { test, expect, type Page } from "@playwright/test";
import Papa from "papaparse";
import { newTenant, signedInWithoutPageErrors } from "./helpers";
import { expectAccessible } from "./page-checks";

// The dashboard end to end: the form (client and server validation), a real evaluation of the
// seed profile on carriers:all, and what people do with the result.

// Serial: the later tests study the evaluation the third one submits. Tenants come from the
// operator CLI, which takes a few seconds each on a busy machine, hence the longer timeout.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const SEED = { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 };
const DIMENSIONS = ["appetite", "coverage", "financial", "pricing", "placement", "service"];

let tenant: ReturnType<typeof newTenant>;
let evalId = "";

// Result rows are all built alike; axe checks the first 20 of them (all of ~100 takes half a minute).
const expectNoSeriousA11yIssues = (page: Page) => expectAccessible(page, "results", { exclude: '[data-testid="candidate-table"] tbody > tr:nth-child(n+21)' });

const rows = (page: Page) => page.getByTestId("candidate-row");
const names = (page: Page) => page.getByTestId("candidate-name");

test.beforeAll(() => {
  tenant = newTenant("underwriter");
});

signedInWithoutPageErrors(() => tenant);

test("the form shows field errors before anything is submitted", async ({ page }) => {
  await page.goto("/jobs/new");
  const pools = page.getByTestId("pool-option");
  await expect(pools).toHaveCount(3);
  const all = pools.filter({ hasText: "carriers:all" });
  await expect(all).toContainText("1,847");
  await expect(all).toContainText(/version \d+/);
  await expect(all.getByRole("radio")).toBeChecked();

  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/v1/jobs")) posted++;
  });

  const entity = page.getByLabel("Entity");
  await entity.fill("acme");
  await entity.fill("");
  await entity.blur();
  await expect(page.getByTestId("error-entity")).toHaveText("Required");
  await expect(entity).toHaveAttribute("aria-invalid", "true");

  const revenue = page.getByLabel("Annual revenue");
  await revenue.fill("-250000");
  await revenue.blur();
  await expect(revenue).toHaveValue("-$250,000");
  await expect(page.getByTestId("error-revenue")).toHaveText("Must be at least 0");

  // Submitting lists every problem, focuses the first, and sends nothing.
  await page.getByRole("button", { name: "Evaluate" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "to submit" });
  await expect(summary).toContainText("Entity: Required");
  await expect(summary).toContainText("Home state: Required");
  await expect(entity).toBeFocused();
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: "test-results/screens/new-evaluation-errors.png", fullPage: true });

  // A NAICS 2017 retail code is refused in the form, with its 2022 successor.
  const naics = page.getByLabel("NAICS code");
  await naics.fill("453991");
  await naics.blur();
  await expect(page.getByTestId("error-naics")).toContainText("453991 is a NAICS 2017 code");
  await expect(page.getByTestId("error-naics")).toContainText("use 459991");
  await page.screenshot({ path: "test-results/screens/new-evaluation-naics-2017.png", fullPage: true });
  await naics.fill("459991");
  await expect(page.getByTestId("error-naics")).toHaveCount(0);
  await naics.fill("");

  // Fixing a field clears its error; the currency input shows dollars and keeps a number.
  await revenue.fill("12000000");
  await expect(revenue).toHaveValue("$12,000,000");
  await expect(page.getByTestId("error-revenue")).toHaveCount(0);
  expect(posted).toBe(0);

  // "Use example" fills the domain's example profile.
  await page.getByRole("button", { name: "Use example" }).click();
  await expect(entity).toHaveValue(SEED.entity);
  await expect(page.getByLabel("Home state")).toHaveValue(SEED.state);
  await expect(page.getByTestId("error-entity")).toHaveCount(0);
});

test("an error from the server is shown beside its field", async ({ page }) => {
  await page.goto("/jobs/new");
  await page.getByRole("button", { name: "Use example" }).click();
  const hook = page.getByLabel("Webhook URL");
  await hook.fill("ftp://example.com/hooks/nexio");
  const response = page.waitForResponse((r) => r.url().endsWith("/api/v1/jobs") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Evaluate" }).click();
  expect((await response).status()).toBe(400);
  await expect(page.getByTestId("error-webhook_url")).toBeVisible();
  await expect(hook).toHaveAttribute("aria-invalid", "true");
  await expect(hook).toBeFocused();
  await expect(page).toHaveURL(/\/jobs\/new$/);
});

test("submitting the seed profile shows the job progress live until it completes", async ({ page }) => {
  await page.goto("/jobs/new");
  await page.getByTestId("pool-option").filter({ hasText: "carriers:all" }).click();
  await page.getByLabel("Entity").fill(SEED.entity);
  await page.getByLabel("Home state").selectOption(SEED.state);
  await page.getByLabel("Line of business").selectOption(SEED.line);
  await page.getByLabel("Annual revenue").fill(String(SEED.revenue));
  await expect(page.getByLabel("Annual revenue")).toHaveValue("$12,000,000");
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: "test-results/screens/new-evaluation.png", fullPage: true });

  const posted = page.waitForRequest((r) => r.url().endsWith("/api/v1/jobs") && r.method() === "POST");
  await page.getByRole("button", { name: "Evaluate" }).click();
  expect((await posted).postDataJSON()).toEqual({ profile: SEED, pool: "carriers:all" });
  await expect(page).toHaveURL(/\/jobs\/eval_[0-9A-Za-z]+$/);
  evalId = page.url().split("/").pop()!;

  // A marker on window survives only if the page is never reloaded while we wait.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const status = page.getByTestId("job-status");
  await expect(status).toHaveAttribute("data-status", /queued|running|completed/);
  await expect(page.getByTestId("elapsed")).toBeVisible();
  await expect(status).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(page.getByTestId("results-ready")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  const job = await (await page.request.get(`/api/v1/jobs/${evalId}`)).json();
  expect(job.status).toBe("completed");
  await expect(rows(page)).toHaveCount(job.candidates.length);
  await expect(names(page).first()).toHaveText(job.candidates[0].name);
  await expect(page.getByText(`${job.pool_size.toLocaleString("en-US")}`, { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit trace" })).toHaveAttribute("href", `/traces/${evalId}`);

  // Opened directly while it is (most likely) still queued: the server-rendered page hydrates
  // cleanly (checked by afterEach) and follows the job to the end.
  const submitted = await page.request.post("/api/v1/jobs", { headers: { "X-API-Key": tenant.key }, data: { profile: SEED, pool: "carriers:tier1" } });
  await page.goto(`/jobs/${(await submitted.json()).eval_id}`);
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(page.getByTestId("results-ready")).toBeVisible();
});

test("the result can be filtered by tier, confidence and level, and sorted by a dimension", async ({ page }) => {
  expect(evalId, "needs the evaluation of the previous test").toBeTruthy();
  const job = await (await page.request.get(`/api/v1/jobs/${evalId}`)).json();
  const candidates = job.candidates as { tier: string; confidence: string; scores: Record<string, string> }[];
  const countOf = (pick: (c: (typeof candidates)[number]) => boolean) => candidates.filter(pick).length;

  await page.goto(`/jobs/${evalId}`);
  await expect(page.getByTestId("results-ready")).toBeVisible();
  await expect(rows(page)).toHaveCount(candidates.length);
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: "test-results/screens/results.png" });

  const filters = page.getByRole("group", { name: "Filter candidates" });
  // The tier with the fewest rows (but some) makes a visible change.
  const tiers = [
    ["STRONG_FIT", "Strong fit"],
    ["MODERATE_FIT", "Moderate fit"],
    ["WEAK_FIT", "Weak fit"],
  ] as const;
  const [tier, tierLabel] = tiers
    .filter(([t]) => countOf((c) => c.tier === t) > 0)
    .sort((a, b) => countOf((c) => c.tier === a[0]) - countOf((c) => c.tier === b[0]))[0];
  await filters.getByRole("checkbox", { name: new RegExp(`^${tierLabel}`) }).check();
  await expect(rows(page)).toHaveCount(countOf((c) => c.tier === tier));
  await expect(page.getByTestId("row-count")).toContainText(`Showing ${countOf((c) => c.tier === tier)} of ${candidates.length}`);

  const confs = [
    ["HIGH", "High"],
    ["MEDIUM", "Medium"],
    ["LOW", "Low"],
  ] as const;
  const [conf, confLabel] = confs.find(([k]) => countOf((c) => c.confidence === k) > 0)!;
  await filters.getByRole("checkbox", { name: new RegExp(`^${confLabel}`) }).check();
  const both = countOf((c) => c.tier === tier && c.confidence === conf);
  if (both === 0) await expect(page.getByText("No candidates match these filters")).toBeVisible();
  else await expect(rows(page)).toHaveCount(both);

  await page.getByRole("button", { name: "Reset filters and sort" }).click();
  await expect(rows(page)).toHaveCount(candidates.length);

  await filters.getByLabel("Appetite").selectOption({ label: "L1–L2" });
  const goodAppetite = countOf((c) => c.scores.appetite <= "L2");
  await expect(rows(page)).toHaveCount(goodAppetite);
  if (goodAppetite > 0) {
    const levels = await page.locator('[data-testid="candidate-row"] td[data-dim="appetite"]').allTextContents();
    expect(levels.every((l) => l === "L1" || l === "L2")).toBe(true);
  }
  await page.getByRole("button", { name: "Reset filters and sort" }).click();

  // Sort by pricing: best level first, then worst first; the header says which.
  const pricingHeader = page.getByRole("columnheader", { name: /Pricing/ });
  await pricingHeader.getByRole("button").click();
  await expect(pricingHeader).toHaveAttribute("aria-sort", "ascending");
  const pricing = () => page.locator('[data-testid="candidate-row"] td[data-dim="pricing"]').allTextContents();
  const asc = await pricing();
  expect(asc).toEqual([...asc].sort());
  expect(asc).toHaveLength(candidates.length);
  await pricingHeader.getByRole("button").click();
  await expect(pricingHeader).toHaveAttribute("aria-sort", "descending");
  await expect.poll(async () => (await pricing())[0]).toBe([...asc].sort().reverse()[0]);
  const desc = await pricing();
  expect(desc).toEqual([...asc].sort().reverse());

  // Sort by score, highest first.
  const scoreHeader = page.getByRole("columnheader", { name: /Score/ });
  await scoreHeader.getByRole("button").click();
  await expect(scoreHeader).toHaveAttribute("aria-sort", "descending");
  await expect(pricingHeader).not.toHaveAttribute("aria-sort", /.+/);
  const scores = (await page.getByTestId("candidate-score").allTextContents()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
});

test("two candidates compare side by side with their evidence", async ({ page }) => {
  expect(evalId, "needs the evaluation of the previous test").toBeTruthy();
  await page.goto(`/jobs/${evalId}`);
  await expect(page.getByTestId("results-ready")).toBeVisible();
  const compare = page.getByRole("button", { name: /^Compare/ });
  await expect(compare).toBeDisabled();

  const picked = [await names(page).nth(0).textContent(), await names(page).nth(1).textContent()];
  await rows(page).nth(0).getByRole("checkbox").check();
  await rows(page).nth(1).getByRole("checkbox").check();
  await expect(compare).toHaveText("Compare (2)");
  await compare.click();

  const dialog = page.getByRole("dialog", { name: "Compare 2 candidates" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("compare-column")).toHaveCount(2);
  await expect(dialog.getByTestId("compare-column").nth(0)).toContainText(picked[0]!);
  await expect(dialog.getByTestId("compare-column").nth(1)).toContainText(picked[1]!);
  await expect(dialog.getByTestId("compare-row")).toHaveCount(6);
  await expect(dialog.getByRole("rowheader")).toHaveText(DIMENSIONS.map((d) => d[0].toUpperCase() + d.slice(1)));
  await expect(dialog.getByText("Loading evidence")).toHaveCount(0, { timeout: 30_000 });
  await expect(dialog.getByText("No evidence recorded")).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: "test-results/screens/compare.png" });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(compare).toBeFocused();
});

test("the exported CSV is the filtered list as shown", async ({ page }) => {
  expect(evalId, "needs the evaluation of the previous test").toBeTruthy();
  await page.goto(`/jobs/${evalId}`);
  await expect(page.getByTestId("results-ready")).toBeVisible();
  const filters = page.getByRole("group", { name: "Filter candidates" });
  await filters.getByLabel("Appetite").selectOption({ label: "L1–L3" });
  await page
    .getByRole("columnheader", { name: /Coverage/ })
    .getByRole("button")
    .click();
  await expect(page.getByRole("columnheader", { name: /Coverage/ })).toHaveAttribute("aria-sort", "ascending");
  const shown = await rows(page).count();
  expect(shown).toBeGreaterThan(0);
  const firstName = await names(page).first().textContent();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`nexio-${evalId}.csv`);
  const csv = fs.readFileSync(await file.path(), "utf8");
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(["rank", "name", "market", "premium_indication", "tier", "confidence", "score", ...DIMENSIONS, "reasoning"]);
  expect(parsed.data.every((r) => ["admitted", "surplus_lines"].includes(r.market))).toBe(true);
  expect(parsed.data).toHaveLength(shown);
  expect(parsed.data[0].name).toBe(firstName);
  expect(parsed.data.every((r) => ["L1", "L2", "L3"].includes(r.appetite))).toBe(true);
  const coverage = parsed.data.map((r) => r.coverage);
  expect(coverage).toEqual([...coverage].sort());
});
