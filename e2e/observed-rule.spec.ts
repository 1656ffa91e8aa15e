import { test, expect } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { completedJob, expectAccessible, screenshot } from "./page-checks";

// The opt-in observed-quote-rate rule (issue #12) from the dashboard: an admin turns it on in
// Settings → Scoring with N = 1; the organization's plan says the top carrier declined its one
// submission, so the next evaluation's trace says the rule was on and shows the figures it used.

test.describe.configure({ timeout: 180_000 });

test("an admin turns the rule on; the next trace says so and shows the figures", async ({ page, request }) => {
  const t = newTenant("admin");
  const headers = { "X-API-Key": t.key };
  const first = await completedJob(request, t.key);
  const top = ((await (await request.get(`/api/v1/jobs/${first}`, { headers })).json()) as { candidates: { id: string; name: string }[] }).candidates[0];
  expect((await request.put(`/api/v1/jobs/${first}/plan`, { headers, data: { entries: [{ carrier_id: top.id }] } })).status()).toBe(200);
  for (const data of [{ status: "submitted" }, { status: "declined", reason: "capacity" }])
    expect((await request.post(`/api/v1/jobs/${first}/plan/${top.id}/events`, { headers, data })).status()).toBe(201);

  await signIn(page, t.email, t.password);
  await page.goto("/settings/scoring");
  const on = page.getByLabel("Use the observed quote rate in placement");
  await expect(on).not.toBeChecked();
  const n = page.getByLabel("Only with at least");
  await expect(n).toHaveValue("5");
  await on.check();
  await n.fill("1");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 1." })).toBeVisible();
  const rules = await (await request.get("/api/v1/scoring-rules/carriers", { headers })).json();
  expect(rules.overrides).toEqual({ placement: { observed_quote_rate: { enabled: true, min_submissions: 1 } } });
  await expectAccessible(page, "settings: scoring with the observed rule on");
  await screenshot(page, "settings-scoring-observed");

  const second = await completedJob(request, t.key);
  const trace = await (await request.get(`/api/traces/${second}`, { headers })).json();
  expect(trace.observed_market.figures).toEqual({ [top.id]: { submissions: 1, quotes: 0 } });
  const placement = trace.scored.find((s: { id: string }) => s.id === top.id).evidence.placement;
  expect(placement.values.observed_quote_rate).toMatchObject({ applied: true, submissions: 1, quotes: 0, min_submissions: 1 });

  await page.goto(`/traces/${second}`);
  await expect(page.getByTestId("trace-notes")).toContainText("Observed quote rate rule on");
  await expect(page.getByTestId("trace-notes")).toContainText("at least 1 submission in");
  await screenshot(page, "trace-observed-rule");
});
