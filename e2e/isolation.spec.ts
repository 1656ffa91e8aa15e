import { test, expect, type APIRequestContext } from "@playwright/test";
import { newTenant, newTenants, signIn } from "./helpers";

// One organization's evaluation is invisible to another: the page and the API both answer 404,
// exactly as for an id that never existed, so ids leak nothing.

// Tenants come from the operator CLI, a few seconds each on a busy machine.
test.describe.configure({ timeout: 180_000 });

const SEED = { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 };

async function submit(request: APIRequestContext, key: string) {
  const res = await request.post("/api/v1/jobs", { headers: { "X-API-Key": key }, data: { profile: SEED, pool: "carriers:tier1" } });
  expect(res.status()).toBe(202);
  return (await res.json()).eval_id as string;
}

test("another organization's job is not found on the page and in the API", async ({ page, request }) => {
  const [owner, other] = newTenants("admin", "underwriter");
  const evalId = await submit(request, owner.key);

  // The owner sees it (so the 404 below is about ownership, not a broken page).
  await signIn(page, owner.email, owner.password);
  const own = await page.goto(`/jobs/${evalId}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: SEED.entity })).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, other.email, other.password);
  const res = await page.goto(`/jobs/${evalId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Evaluation not found" })).toBeVisible();
  await expect(page.getByText(SEED.entity)).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/job-not-found.png", fullPage: true });

  // The same session cookie against the API, and the other organization's API key.
  const api = await page.request.get(`/api/v1/jobs/${evalId}`);
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe("not_found");
  const byKey = await request.get(`/api/v1/jobs/${evalId}`, { headers: { "X-API-Key": other.key } });
  expect(byKey.status()).toBe(404);
  expect((await page.request.get(`/api/traces/${evalId}`)).status()).toBe(404);

  // Nor does it show up in the other organization's history.
  await page.goto("/jobs");
  await expect(page.getByText("No evaluations yet")).toBeVisible();
});

test("an unknown or malformed evaluation id is a 404 page", async ({ page }) => {
  const t = newTenant("underwriter");
  await signIn(page, t.email, t.password);
  for (const id of ["eval_0000000000000000", "not-an-id"]) {
    const res = await page.goto(`/jobs/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Evaluation not found" })).toBeVisible();
  }
});
