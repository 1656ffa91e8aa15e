import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
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

/** A new organization with an admin (or underwriter) who can sign in, and an API key. */
export function newTenant(role: "admin" | "underwriter" = "admin") {
  const slug = uniq("e2e");
  cli("orgs", "create", "--slug", slug, "--name", `E2E ${slug}`);
  const email = `${slug}@example.test`;
  const password = "correct-horse-battery";
  cli("users", "create", "--org", slug, "--email", email, "--password", password, "--role", role);
  const key = cli("keys", "create", "--org", slug, "--name", "e2e");
  return { slug, email, password, key };
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
  test.beforeEach(async ({ page }) => {
    pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await signIn(page, who().email, who().password);
  });
  test.afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
}
