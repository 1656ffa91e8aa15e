import { execFileSync } from "node:child_process";
import { expect, test, type Cookie, type Page } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";

// The operator CLI against the running e2e server's embedded database (it attaches through the
// port file in DATA_DIR): tests make their own organizations, users and keys.
export function cli(...args: string[]): string {
  return execFileSync("npm", ["run", "--silent", "nexio", "--", ...args], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "" },
    encoding: "utf8",
  }).trim();
}

export function uniq(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export type Tenant = { slug: string; email: string; password: string; key: string };

/** New organizations, each with an admin (or underwriter) who can sign in and an API key: one process for all. */
export function newTenants(...roles: ("admin" | "underwriter")[]): Tenant[] {
  const specs = roles.map((role) => {
    const slug = uniq("e2e");
    return { slug, email: `${slug}@example.test`, password: "correct-horse-battery", role };
  });
  const out = execFileSync("npx", ["tsx", "e2e/setup/tenants.ts", JSON.stringify(specs)], {
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR, DATABASE_URL: "" },
    encoding: "utf8",
  });
  return (JSON.parse(out) as (Tenant & { role: string })[]).map(({ slug, email, password, key }) => ({ slug, email, password, key }));
}

/** A new organization with an admin (or underwriter) who can sign in, and an API key. */
export function newTenant(role: "admin" | "underwriter" = "admin"): Tenant {
  return newTenants(role)[0];
}

/** The sign-in form's error (Next.js keeps an empty role=alert route announcer on every page). */
export const signInAlert = (page: Page) => page.locator("form").getByRole("alert");

// Every test signs in from the same address, and sign-in allows 3 attempts in 10 s per address:
// when the form says to wait, wait as long as it says and try again (as a person would).
export async function signIn(page: Page, email: string, password: string) {
  for (let attempt = 1; ; attempt++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const limited = signInAlert(page).filter({ hasText: "Too many sign-in attempts" });
    await expect(signInAlert(page).or(page.getByRole("navigation", { name: "Main" }))).toBeVisible({ timeout: 15_000 });
    if (attempt < 4 && (await limited.isVisible())) {
      const seconds = Number(/in (\d+) second/.exec((await limited.textContent()) ?? "")?.[1] ?? 10);
      await page.waitForTimeout((seconds + 1) * 1000);
      continue;
    }
    await expect(page).not.toHaveURL(/sign-in/);
    return;
  }
}

/**
 * Every test of the calling spec starts signed in as `who()` (read when the test starts, so a
 * tenant made in beforeAll works), and fails on any uncaught error in the page (a hydration
 * mismatch, say) even when the UI looks right.
 */
export function signedInWithoutPageErrors(who: () => { email: string; password: string }) {
  let pageErrors: string[] = [];
  // Signed in once per person through the form; later tests reuse the session cookies (stored
  // state), so a spec of many tests never waits out the sign-in rate limit.
  const stored = new Map<string, Cookie[]>();
  test.beforeEach(async ({ page }) => {
    pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const { email, password } = who();
    const cookies = stored.get(email);
    if (cookies) return page.context().addCookies(cookies);
    await signIn(page, email, password);
    stored.set(email, await page.context().cookies());
  });
  test.afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
}
