import { test, expect } from "@playwright/test";
import { expectAccessible } from "./page-checks";
import { cli } from "./helpers";

// The public API reference: rendered from the OpenAPI document, usable with the keyboard, and its
// "Try it" panel submits a real job with a key made for the demo organization.

// The reference renders every operation (about 60) with its schemas: checking each one and running
// axe over the whole page needs more than the default minute on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

test("the API reference lists the operations, and Try it submits the seed's job (202)", async ({ page, request }) => {
  const key = cli("keys", "create", "--org", "demo", "--name", "e2e api docs");
  expect(key).toMatch(/^nx_(live|test)_[0-9A-Za-z]+$/);

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("API");

  // every operation of the OpenAPI document is on the page, with method, path and summary
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId: string; summary: string }>>)) {
    for (const [method, op] of Object.entries(item)) {
      const section = page.locator(`section#${op.operationId}`);
      await expect(section.getByRole("heading", { level: 2 })).toHaveText(op.summary);
      await expect(section.getByText(path, { exact: true }).first()).toBeVisible();
      await expect(section.getByText(method.toUpperCase(), { exact: true }).first()).toBeVisible();
    }
  }
  const create = page.locator("section#createJob");
  await expect(create.getByRole("table", { name: /Request body/ })).toContainText("webhook_url");
  await expect(create.getByRole("table", { name: /Request body/ }).getByRole("rowheader", { name: /^pool\s*required$/ })).toBeVisible();
  await expect(create.getByLabel(/curl example/)).toContainText('"pool": "carriers:all"');

  // Try it: the key is typed once (shared by every panel), the body is the seed's example
  const tryIt = create.getByRole("form", { name: "Try POST /api/v1/jobs" });
  await tryIt.getByLabel("API key").fill(key);
  const body = tryIt.getByLabel("Request body (JSON)");
  await expect(body).toHaveValue(/"entity": "acme-manufacturing"/);
  await tryIt.getByRole("button", { name: "Send" }).click();
  await expect(tryIt.getByTestId("try-status")).toHaveText("202");
  const response = tryIt.getByRole("region", { name: "Response" });
  await expect(response).toContainText('"status": "queued"');
  const evalId = /"eval_id": "(eval_[0-9A-Za-z]+)"/.exec((await response.textContent()) ?? "")![1];
  await expect(response).toContainText(`/api/v1/jobs/${evalId}`); // the Location header
  await response.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 250));
  await page.screenshot({ path: "test-results/screens/api-docs.png" });
  await page.locator("section#createJob").evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: "test-results/screens/api-docs-submit.png" });

  // the job it created is real: the GET panel offers the new eval_id and fetches it
  const get = page.locator("section#getJob").getByRole("form", { name: /Try GET/ });
  await expect(get.getByLabel("API key")).toHaveValue(key);
  await get.getByRole("button", { name: `Use ${evalId} (your last submitted job)` }).click();
  await get.getByRole("button", { name: "Send" }).click();
  await expect(get.getByTestId("try-status")).toHaveText("200");
  await expect(get.getByRole("region", { name: "Response" })).toContainText(`"eval_id": "${evalId}"`);

  // a bad body shows the API's own error
  await body.fill('{"profile": {"state": "CA"}, "pool": "carriers:all"}');
  await tryIt.getByRole("button", { name: "Send" }).click();
  await expect(tryIt.getByTestId("try-status")).toHaveText("400");
  await expect(response).toContainText("Missing required field: profile.entity");

  // the key never leaves memory
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  expect(stored).not.toContain(key);
  expect(page.url()).not.toContain(key);

  await page.locator("section#getJob").evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: "test-results/screens/api-docs-get.png" });
  await page.locator("section#errors").evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: "test-results/screens/api-docs-errors.png" });
});

test("the API reference is public, keyboard usable and has no serious accessibility problems", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page).toHaveURL(/\/docs\/api$/); // no redirect to sign-in

  // keyboard: the skip link first, then the navigation reaches an operation
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const nav = page.getByRole("navigation", { name: "API reference" });
  await nav.getByRole("link", { name: /Submit an evaluation/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#createJob$/);

  // the Send button is reachable and operable from the body field with the keyboard alone
  const form = page.getByRole("form", { name: "Try GET /api/v1/pools", exact: true });
  await form.getByLabel("API key").focus();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Send" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByTestId("try-status")).toHaveText("401"); // no key typed: the API's answer

  await expectAccessible(page, "API reference", { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] });
});
