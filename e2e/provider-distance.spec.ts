import { test, expect } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { completedJob, expectAccessible, screenshot } from "./page-checks";

// A referral against providers:network: the audit trace shows measured miles against the
// distance standard for the specialty and the member's county type.

test.describe.configure({ timeout: 120_000 });

const PROFILE = { entity: "member-4821", specialty: "cardiology", state: "CA", zip: "94110", plan: "cascade_ppo", urgency: "routine" };

test("the provider trace gives each office's distance in miles against the standard", async ({ page, request }) => {
  const tenant = newTenant("admin");
  const evalId = await completedJob(request, tenant.key, { profile: PROFILE, pool: "providers:network" });
  const res = await request.get(`/traces/${evalId}`, { headers: { "X-API-Key": tenant.key, Accept: "application/json" } });
  const trace = (await res.json()) as { eliminated: { code: string; count: number }[]; scored: { name: string }[] };
  expect(trace.eliminated.find((g) => g.code === "too_far")?.count).toBeGreaterThan(0);
  expect(trace.scored.length).toBeGreaterThan(0);

  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/traces/${evalId}`);
  await expect(page.getByRole("heading", { level: 1, name: "member-4821" })).toBeVisible();
  const top = page.getByTestId("scored-row").first();
  await top.getByRole("button", { name: `Evidence for ${trace.scored[0].name}` }).click();
  const placement = page.getByTestId("evidence-row").filter({ hasText: "placement" });
  await expect(placement).toContainText(/\d+\.\d mi from member ZIP 94110 \(standard for cardiology in a large-metro county: 10 mi\)/);

  await expectAccessible(page, "provider trace");
  await screenshot(page, "provider-trace");
});
