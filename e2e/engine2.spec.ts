import { test, expect } from "@playwright/test";
import { newTenant, signedInWithoutPageErrors } from "./helpers";
import { expectAccessible } from "./page-checks";

// Engine 2 in the dashboard: the form asks for the exposure of the chosen line, results show each
// carrier's market and an "Almost eligible" group, the trace shows sources and every failing filter.

test.describe.configure({ mode: "serial", timeout: 150_000 });

const SEED = { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 };
let tenant: ReturnType<typeof newTenant>;
let seedJob = "";

test.beforeAll(() => {
  tenant = newTenant("underwriter");
});

signedInWithoutPageErrors(() => tenant);

async function completed(page: import("@playwright/test").Page, profile: Record<string, unknown>) {
  const res = await page.request.post("/api/v1/jobs", { headers: { "X-API-Key": tenant.key }, data: { profile, pool: "carriers:all" } });
  expect(res.status()).toBe(202);
  const { eval_id } = await res.json();
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/jobs/${eval_id}`, { headers: { "X-API-Key": tenant.key } })).json()).status, { timeout: 90_000 })
    .toBe("completed");
  return eval_id as string;
}

test("the form shows the exposure field of the chosen line, required for it", async ({ page }) => {
  await page.goto("/jobs/new");
  await page.getByTestId("pool-option").filter({ hasText: "carriers:all" }).click();
  await expect(page.getByLabel("Annual payroll")).toHaveCount(0);
  await page.getByLabel("Entity").fill("buckeye-fabrication");
  await page.getByLabel("Home state").selectOption("CA");
  await page.getByLabel("Line of business").selectOption("workers_compensation");
  const payroll = page.getByLabel("Annual payroll");
  await expect(payroll).toBeVisible();
  await expect(page.getByLabel("Experience mod")).toBeVisible();
  await expect(page.getByLabel("Total insured value")).toHaveCount(0);

  let posted = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/v1/jobs")) posted++;
  });
  await page.getByRole("button", { name: "Evaluate" }).click();
  await expect(page.getByTestId("error-payroll")).toHaveText("Required");
  expect(posted).toBe(0);
  await page.screenshot({ path: "test-results/screens/engine2-form-wc.png", fullPage: true });

  await page.getByLabel("Line of business").selectOption("property");
  await expect(page.getByLabel("Total insured value")).toBeVisible();
  await expect(payroll).toHaveCount(0);
  await page.getByLabel("Line of business").selectOption("workers_compensation");
  await page.getByLabel("Annual payroll").fill("2500000");
  await page.getByLabel("Experience mod").fill("0.9");
  await expectAccessible(page, "new evaluation (workers' compensation)");
  const request = page.waitForRequest((r) => r.url().endsWith("/api/v1/jobs") && r.method() === "POST");
  await page.getByRole("button", { name: "Evaluate" }).click();
  expect((await request).postDataJSON()).toEqual({
    profile: { entity: "buckeye-fabrication", state: "CA", line: "workers_compensation", payroll: 2_500_000, experience_mod: 0.9 },
    pool: "carriers:all",
  });
  await expect(page).toHaveURL(/\/jobs\/eval_[0-9A-Za-z]+$/);
  await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(page.getByTestId("results-ready")).toBeVisible();
  await expect(page.getByTestId("candidate-market").first()).toBeVisible();
  // Workers' compensation is admitted-only: every ranked carrier is admitted.
  const markets = await page.getByTestId("candidate-market").allTextContents(); // rows off screen have no innerText (content-visibility)
  expect(markets.length).toBeGreaterThan(0);
  for (const m of markets) expect(m).toMatch(/^Admitted/);
});

test("results: a Market column (admitted ahead of surplus lines within a tier) and an Almost eligible group", async ({ page }) => {
  seedJob = await completed(page, SEED);
  const job = await (await page.request.get(`/api/v1/jobs/${seedJob}?include=near_misses`, { headers: { "X-API-Key": tenant.key } })).json();
  await page.goto(`/jobs/${seedJob}`);
  await expect(page.getByTestId("results-ready")).toBeVisible();
  const market = page.getByTestId("candidate-market");
  await expect(market).toHaveCount(job.candidates.length);
  const firstSl = job.candidates.findIndex((c: { market: string }) => c.market === "surplus_lines");
  expect(firstSl).toBeGreaterThan(0);
  await expect(market.nth(firstSl)).toContainText("Surplus lines");
  await expect(market.nth(0)).toContainText("Admitted");
  const almost = page.getByTestId("almost-eligible");
  await expect(almost).toContainText("Almost eligible");
  await expect(almost.getByTestId("near-miss")).toHaveCount(job.near_misses.length);
  await expect(almost.getByTestId("near-miss").first()).toContainText(job.near_misses[0].failed[0].fix);
  await expectAccessible(page, "results with markets", { exclude: '[data-testid="candidate-table"] tbody > tr:nth-child(n+21)' });
  await page.screenshot({ path: "test-results/screens/engine2-results.png" });
  await almost.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/engine2-almost-eligible.png" });
});

test("trace: markets, Almost eligible, every failing filter; Ohio WC shows the monopolistic-state rule and its source", async ({ page }) => {
  expect(seedJob).toBeTruthy();
  await page.goto(`/traces/${seedJob}`);
  await expect(page.getByTestId("market-tag").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: /Almost eligible/ })).toBeVisible();
  await page.locator('[data-testid="eliminated-group"][data-code="state_not_admitted"]').getByRole("button").first().click();
  await expect(page.getByTestId("also-failed").first()).toContainText("Also fails:");
  await page.screenshot({ path: "test-results/screens/engine2-trace.png", fullPage: false });

  const ohio = await completed(page, { entity: "buckeye-fabrication", state: "OH", line: "workers_compensation", payroll: 2_500_000 });
  await page.goto(`/traces/${ohio}`);
  await expect(page.getByTestId("trace-notes")).toContainText("state fund");
  await expect(page.getByTestId("rule-source")).toContainText("Ohio Rev. Code ch. 4123");
  await expectAccessible(page, "trace of a monopolistic-state WC job");
  await page.screenshot({ path: "test-results/screens/engine2-trace-ohio.png", fullPage: true });
});
