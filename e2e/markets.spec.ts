import { test, expect, type Page } from "@playwright/test";
import { newTenant, signedInWithoutPageErrors } from "./helpers";
import { completedJob, expectAccessible, screenshot } from "./page-checks";

// The Markets page (issue #12): plans recorded through the API with known outcomes show on the page
// with exactly the figures GET /api/v1/markets/stats returns for the same period and filters: the
// totals, the outcome bars, the days-to-quote distribution and each carrier × line × state row.
// Light and dark screenshots, axe in both.

test.describe.configure({ mode: "serial", timeout: 180_000 });

let tenant: ReturnType<typeof newTenant>;
let carriers: { id: string; name: string }[] = [];

test.beforeAll(async ({ request }) => {
  tenant = newTenant("underwriter");
  const headers = { "X-API-Key": tenant.key };
  for (let round = 0; round < 2; round++) {
    const evalId = await completedJob(request, tenant.key);
    const job = (await (await request.get(`/api/v1/jobs/${evalId}`, { headers })).json()) as { candidates: { id: string; name: string }[] };
    carriers = job.candidates.slice(0, 3);
    expect((await request.put(`/api/v1/jobs/${evalId}/plan`, { headers, data: { entries: carriers.map((c) => ({ carrier_id: c.id })) } })).status()).toBe(200);
    const post = async (carrierId: string, data: Record<string, unknown>) =>
      expect((await request.post(`/api/v1/jobs/${evalId}/plan/${carrierId}/events`, { headers, data })).status()).toBe(201);
    const [a, b, c] = carriers.map((x) => x.id);
    // a: quoted and bound the first time, quoted the second; b: declined (capacity, then pricing); c: no response, then quoted late.
    for (const id of [a, b, c]) await post(id, { status: "submitted" });
    await post(a, { status: "quoted", premium: 21_000, limit: 1_000_000 });
    if (round === 0) await post(a, { status: "bound" });
    await post(b, { status: "declined", reason: round === 0 ? "capacity" : "pricing" });
    await post(c, { status: "no_response" });
    if (round === 1) await post(c, { status: "quoted", premium: 25_000 });
  }
});

signedInWithoutPageErrors(() => tenant);

type Stats = {
  from: string;
  to: string;
  total: number;
  totals: {
    submissions: number;
    quotes: number;
    declines: number;
    no_response: number;
    binds: number;
    quote_rate: number | null;
    bind_rate: number | null;
    median_days_to_quote: number | null;
    days_to_quote: Record<string, number>;
  };
  data: {
    carrier_id: string;
    line: string;
    state: string;
    submissions: number;
    quotes: number;
    declines: number;
    no_response: number;
    binds: number;
    quote_rate: number | null;
    bind_rate: number | null;
    median_days_to_quote: number | null;
  }[];
};
const pct = (r: number | null) => (r === null ? "–" : `${Math.round(r * 100)}%`);

async function expectPageShows(page: Page, s: Stats) {
  await expect(page.getByTestId("period")).toContainText(`from ${s.from} to ${s.to}`);
  await expect(page.getByTestId("total-submissions")).toHaveText(String(s.totals.submissions));
  await expect(page.getByTestId("total-quote-rate")).toHaveText(pct(s.totals.quote_rate));
  await expect(page.getByTestId("total-bind-rate")).toHaveText(pct(s.totals.bind_rate));
  await expect(page.getByTestId("total-median-days")).toHaveText(s.totals.median_days_to_quote === null ? "–" : String(s.totals.median_days_to_quote));
  const bar = (chart: string, key: string) => page.getByTestId(chart).locator(`[data-key="${key}"]`).getByTestId("bar-value");
  await expect(bar("outcome-bars", "quoted")).toHaveText(String(s.totals.quotes));
  await expect(bar("outcome-bars", "declined")).toHaveText(String(s.totals.declines));
  await expect(bar("outcome-bars", "no_response")).toHaveText(String(s.totals.no_response));
  await expect(bar("outcome-bars", "bound")).toHaveText(String(s.totals.binds));
  for (const [bucket, n] of Object.entries(s.totals.days_to_quote)) await expect(bar("days-histogram", bucket)).toHaveText(String(n));
  await expect(page.getByTestId("market-row")).toHaveCount(s.data.length);
  for (const r of s.data) {
    const row = page.locator(`[data-testid="market-row"][data-carrier="${r.carrier_id}"][data-line="${r.line}"][data-state="${r.state}"]`);
    for (const col of ["submissions", "quotes", "no_response", "binds"] as const) await expect(row.locator(`[data-col="${col}"]`)).toHaveText(String(r[col]));
    await expect(row.locator('[data-col="declines"]')).toContainText(String(r.declines));
    await expect(row.locator('[data-col="quote_rate"]')).toHaveText(pct(r.quote_rate));
    await expect(row.locator('[data-col="bind_rate"]')).toHaveText(pct(r.bind_rate));
  }
}

test("the Markets page shows the figures the API returns for the same data, in light and dark, axe clean", async ({ page }) => {
  await page.goto("/jobs");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Markets" }).click();
  await expect(page).toHaveURL(/\/markets$/);
  await expect(page.getByRole("heading", { level: 1, name: "Markets" })).toBeVisible();

  const api = (await (await page.request.get("/api/v1/markets/stats?limit=25")).json()) as Stats;
  expect(api.totals).toMatchObject({ submissions: 6, quotes: 3, declines: 2, no_response: 1, binds: 1 });
  expect(api.data).toHaveLength(3);
  await expectPageShows(page, api);
  const rowA = page.locator(`[data-testid="market-row"][data-carrier="${carriers[0].id}"]`);
  await expect(rowA.locator('[data-col="quote_rate"]')).toHaveText("100%");
  await expect(page.locator(`[data-testid="market-row"][data-carrier="${carriers[1].id}"] [data-col="declines"]`)).toContainText("Capacity 1, Pricing 1");

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `markets (${scheme})`);
    await screenshot(page, `markets-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });
});

test("filters go to the URL and the API: one carrier, and a period with nothing", async ({ page }) => {
  await page.goto("/markets");
  await page.getByLabel("Carrier id").fill(carriers[1].id);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`carrier=${carriers[1].id}`));
  const one = (await (await page.request.get(`/api/v1/markets/stats?carrier=${carriers[1].id}`)).json()) as Stats;
  expect(one.data).toHaveLength(1);
  await expectPageShows(page, one);

  await page.goto("/markets?from=2020-01-01&to=2020-01-31");
  await expect(page.getByTestId("total-submissions")).toHaveText("0");
  await expect(page.getByText("No submissions in this period")).toBeVisible();
  // A reversed period: the API's 400, said on the page.
  await page.goto("/markets?from=2026-02-01&to=2026-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be used" })).toContainText("from must be on or before to");
});
