import { test, expect, type Page } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { completedJob } from "./page-checks";

// Every page carries a nonce-based Content-Security-Policy (proxy.ts) and still works: the
// browser reports no violation while people sign in, open results, a trace, settings, the API
// reference and a 404, and client-side code runs (navigation, forms, polling). An inline event
// handler, as an HTML injection would bring, does not run.

test.describe.configure({ timeout: 120_000 });

function watchViolations(page: Page) {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}

test("pages carry a nonce CSP, work, and report no violation", async ({ page, request }) => {
  const tenant = newTenant("admin");
  const evalId = await completedJob(request, tenant.key);
  const violations = watchViolations(page);

  const signInPage = await page.goto("/sign-in");
  const csp = signInPage!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(csp); // a fresh nonce each time

  await signIn(page, tenant.email, tenant.password); // client-side form + router: scripts run
  await expect(page).toHaveURL(/\/jobs$/);

  await page.goto(`/jobs/${evalId}`);
  await expect(page.getByRole("button", { name: /export csv/i })).toBeVisible();
  await page.goto(`/traces/${evalId}`);
  await expect(page.getByRole("button", { name: "Create link" })).toBeEnabled();
  await page.goto("/settings/api-keys");
  await expect(page.getByText(/e2e/).first()).toBeVisible(); // the key list is fetched by client code
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  expect(missing!.headers()["content-security-policy"]).toContain("'nonce-");

  // Client-side navigation after a 404 still works (its scripts ran).
  await page.goto("/jobs");
  await page.getByRole("link", { name: "New evaluation" }).first().click();
  await expect(page).toHaveURL(/\/jobs\/new$/);

  // Injected markup with an inline handler, as an HTML injection would bring, does not run.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image.png" onerror="window.__injected = true">'));
  await expect.poll(() => violations.some((v) => /inline event handler/i.test(v))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
  expect(violations.filter((v) => !/inline event handler/i.test(v))).toEqual([]);
});

test("every response carries nosniff, DENY framing and the referrer policy, and no X-Powered-By", async ({ request }) => {
  for (const path of ["/sign-in", "/docs/api", "/api/health", "/api/v1/jobs", "/no-such-page"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
});
