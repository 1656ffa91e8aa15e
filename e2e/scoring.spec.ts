import { test, expect } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { completedJob, expectAccessible, screenshot } from "./page-checks";

// Settings → Scoring: an admin changes a weight, sees the new version, gets a refused value
// explained beside its field, and the next evaluation's trace names the version it used.

test.describe.configure({ timeout: 180_000 });

test("an admin changes a weight and the next evaluation uses the new version", async ({ page, request }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/api-keys");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Scoring" }).click();
  await expect(page).toHaveURL(/\/settings\/scoring$/);
  await expect(page.getByTestId("rules-version")).toContainText("Defaults (version 0)");

  const appetite = page.getByLabel("Appetite", { exact: true });
  await expect(appetite).toHaveValue("30");
  await expect(page.getByText("Default 30")).toBeVisible();
  await appetite.fill("50");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 1." })).toBeVisible();
  await expect(page.getByTestId("rules-version")).toContainText("Version 1");
  await expect(appetite).toHaveValue("50");

  // The API sees the same version; the form kept nothing but the difference from the defaults.
  const api = await (await request.get("/api/v1/scoring-rules/carriers", { headers: { "X-API-Key": t.key } })).json();
  expect(api).toMatchObject({ version: 1, overrides: { weights: { appetite: 50 } } });

  // A refused value: the server's message beside the field, nothing saved.
  const moderate = page.getByLabel("Moderate fit: minimum score");
  await moderate.fill("90");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(moderate).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("must not be above “Strong fit: minimum score” (75)")).toBeVisible();
  await expect(page.getByTestId("rules-version")).toContainText("Version 1");
  await expectAccessible(page, "settings: scoring (with an error)");
  await moderate.fill("55");
  await expect(moderate).toHaveAttribute("aria-invalid", "false");
  await expect(page.getByText("Not saved")).toHaveCount(0);

  await expectAccessible(page, "settings: scoring");
  await screenshot(page, "settings-scoring");

  // The next evaluation records version 1, and its trace says so.
  const evalId = await completedJob(request, t.key);
  const job = await (await request.get(`/api/v1/jobs/${evalId}`, { headers: { "X-API-Key": t.key } })).json();
  expect(job.rules_version).toBe(1);
  await page.goto(`/traces/${evalId}`);
  const run = page.locator("section", { has: page.getByRole("heading", { name: "Run" }) });
  await expect(run).toContainText("Organization rules, version 1");
  await screenshot(page, "trace-rules-version");

  // Reset: the defaults again, as version 2.
  await page.goto("/settings/scoring");
  await page.getByRole("button", { name: "Reset to defaults (Insurance carriers)" }).click();
  await page.getByRole("button", { name: "Reset to defaults", exact: true }).click();
  await expect(page.getByTestId("rules-version")).toContainText("Version 2");
  await expect(page.getByLabel("Appetite", { exact: true })).toHaveValue("30");

  // By keyboard: the domain switch is a radio group; the provider network has its own defaults.
  await page.getByRole("radio", { name: "Insurance carriers" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Provider network" })).toBeChecked();
  await expect(page.getByTestId("rules-version")).toContainText("Defaults (version 0)");
  await expect(page.getByLabel("Placement", { exact: true })).toHaveValue("25");
});

test("an underwriter gets no scoring settings and cannot save over the API", async ({ page }) => {
  const t = newTenant("underwriter");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/scoring");
  await expect(page.getByRole("alert").filter({ hasText: "Only organization admins" })).toBeVisible();
  const res = await page.request.put("/api/v1/scoring-rules/carriers", { data: { overrides: {} }, headers: { Origin: new URL(page.url()).origin } });
  expect(res.status()).toBe(403);
});
