import { test, expect, type Browser } from "@playwright/test";
import { newTenant, signIn, uniq } from "./helpers";
import { expectAccessible, screenshot } from "./page-checks";

// The member lifecycle and the audit log in the dashboard: an admin adds a member with a temporary
// password, the member must choose their own before anything else, sees their sessions; the admin
// changes the member's role (which signs them out), removes them, and reads it all in the audit log.
// Scoped, expiring keys are made in Settings → API keys.

test.describe.configure({ timeout: 180_000 });

async function secondBrowser(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("member lifecycle: temporary password, own password and sessions, role change and removal sign out at once, audit log", async ({ page, browser }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);

  // The admin adds a colleague with a temporary password.
  const email = `${uniq("colleague")}@example.test`;
  await page.goto("/settings/members");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Temporary password").fill("temporary-pass-1");
  await page.getByRole("button", { name: "Add member" }).click();
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await expect(row).toContainText("temporary password");

  // The colleague signs in and is sent to Profile until they choose their own password.
  const other = await secondBrowser(browser);
  await signIn(other.page, email, "temporary-pass-1");
  await expect(other.page).toHaveURL(/\/profile$/);
  await expect(other.page.getByRole("alert").filter({ hasText: "An admin set your password" })).toBeVisible();
  await other.page.goto("/jobs");
  await expect(other.page).toHaveURL(/\/profile$/);
  await other.page.getByLabel("Current password").fill("temporary-pass-1");
  await other.page.getByLabel("New password", { exact: true }).fill("my-own-password-2");
  await other.page.getByLabel("New password again").fill("my-own-password-2");
  await other.page.getByRole("button", { name: "Change password" }).click();
  await expect(other.page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  await expect(other.page.getByTestId("session-row")).toHaveCount(1);
  await expect(other.page.getByTestId("session-row")).toContainText("(this one)");
  await expectAccessible(other.page, "profile");
  await screenshot(other.page, "profile");
  await other.page.goto("/jobs");
  await expect(other.page).toHaveURL(/\/jobs$/);

  // Promoting them signs them out at once: their next page is the sign-in.
  await page.reload();
  await row.getByLabel(`Role of ${email}`).selectOption("admin");
  await expect(row).toContainText("Admin");
  await other.page.goto("/jobs");
  await expect(other.page).toHaveURL(/\/sign-in/);

  await expectAccessible(page, "settings: members");
  await screenshot(page, "settings-members");

  // Removing them: they cannot sign in to this organization any more.
  await row.getByRole("button", { name: `Remove ${email}` }).click();
  await row.getByRole("button", { name: "Remove now" }).click();
  await expect(row).toHaveCount(0);
  expect((await other.page.request.get("/api/v1/jobs")).status()).toBe(401);
  await other.context.close();

  // The audit log tells the story, newest first, and filters by action.
  await page.goto("/settings/audit");
  const events = page.getByTestId("audit-row");
  await expect(events.filter({ hasText: "member.removed" })).toHaveCount(1);
  await expect(events.filter({ hasText: "member.role_changed" })).toContainText(t.email);
  await expect(events.filter({ hasText: "member.added" })).toHaveCount(1);
  await expect(events.filter({ hasText: "password.changed" })).toContainText(email);
  await expect(events.filter({ hasText: "sign_in.succeeded" }).first()).toBeVisible();
  await expectAccessible(page, "settings: audit log");
  await screenshot(page, "settings-audit");
  await page.getByLabel("Action").selectOption("member.added");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(events).toHaveCount(1);
  const csv = await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")) as string);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("member.added");
});

test("an admin makes a scoped, expiring key: it may do what its scopes say and nothing else", async ({ page, request }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/api-keys");
  await page.getByLabel("Name").fill("Read-only dashboard");
  for (const scope of ["jobs:write", "pools:read", "pools:import", "rules:read", "rules:write", "webhooks:manage", "audit:read"]) {
    await page.getByRole("checkbox", { name: new RegExp(`^${scope}\\b`) }).uncheck();
  }
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByTestId("new-key").getByRole("textbox").inputValue();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Read-only dashboard" });
  await expect(row).toContainText("jobs:read");
  await expectAccessible(page, "settings: API keys with scopes");
  await screenshot(page, "settings-api-keys-scopes");

  expect((await request.get("/api/v1/jobs", { headers: { "X-API-Key": key } })).status()).toBe(200);
  const refused = await request.get("/api/v1/pools", { headers: { "X-API-Key": key } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("pools:read") });
});
