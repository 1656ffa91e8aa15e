import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { newTenant, signIn, signedInWithoutPageErrors, uniq } from "./helpers";
import { expectAccessible } from "./page-checks";

// History: the organization's jobs newest first, filters kept in the URL, cursor pagination.

// Tenants come from the operator CLI, a few seconds each on a busy machine.
test.describe.configure({ timeout: 120_000 });

const profile = (entity: string) => ({ entity, state: "CA", line: "professional_liability", revenue: 12_000_000 });

async function submit(request: APIRequestContext, key: string, entity: string) {
  const res = await request.post("/api/v1/jobs", { headers: { "X-API-Key": key }, data: { profile: profile(entity), pool: "carriers:tier1" } });
  expect(res.status()).toBe(202);
  return (await res.json()).eval_id as string;
}

const rows = (page: Page) => page.getByTestId("history-row");
// The entity links (each row also has an "Edit and re-run" link).
const entities = (page: Page) => rows(page).getByTestId("history-entity");

let tenant: ReturnType<typeof newTenant>;
let names: string[];
let createdAt: string[];

test.beforeAll(async ({ request }) => {
  tenant = newTenant("underwriter");
  const stem = uniq("hist");
  names = ["alpha", "bravo", "charlie"].map((n) => `${stem}-${n}`);
  for (const n of names) await submit(request, tenant.key, n);
  // Wait for the worker (by polling the API, not sleeping) so the status filter has finished jobs.
  await expect
    .poll(
      async () => {
        const r = await request.get("/api/v1/jobs?limit=10", { headers: { "X-API-Key": tenant.key } });
        const data: { status: string; created_at: string }[] = (await r.json()).data;
        createdAt = data.map((j) => j.created_at);
        return data.map((j) => j.status);
      },
      { timeout: 60_000 },
    )
    .toEqual(["completed", "completed", "completed"]);
});

/** The browser's own calendar day (YYYY-MM-DD) of an instant, `plusDays` later: what a date input means. */
function browserDay(page: Page, iso: string, plusDays = 0): Promise<string> {
  return page.evaluate(
    ([at, plus]) => {
      const d = new Date(at);
      d.setDate(d.getDate() + plus);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    },
    [iso, plusDays] as const,
  );
}

signedInWithoutPageErrors(() => tenant);

test("jobs are listed newest first and the page passes axe", async ({ page }) => {
  await page.goto("/jobs");
  await expect(entities(page)).toHaveText([...names].reverse());
  await expect(rows(page).first()).toContainText("completed");
  await expect(rows(page).first()).toContainText("carriers:tier1");
  await page.screenshot({ path: "test-results/screens/history.png", fullPage: true });

  await expectAccessible(page, "history");

  await entities(page).first().click();
  await expect(page).toHaveURL(/\/jobs\/eval_/);
  await expect(page.getByRole("heading", { level: 1, name: names[2] })).toBeVisible();
});

test("status filter and entity search narrow the list and live in the URL", async ({ page }) => {
  await page.goto("/jobs");
  await expect(rows(page)).toHaveCount(3);

  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByText("No evaluations match these filters")).toBeVisible();
  await expect(rows(page)).toHaveCount(0);

  await page.getByLabel("Status").selectOption("completed");
  await expect(page).toHaveURL(/status=completed/);
  await expect(rows(page)).toHaveCount(3);

  await page.getByLabel("Entity").fill("BRAVO");
  await expect(page).toHaveURL(/q=BRAVO/);
  await expect(entities(page)).toHaveText([names[1]]);

  // The URL alone reproduces the view.
  await page.reload();
  await expect(page.getByLabel("Entity")).toHaveValue("BRAVO");
  await expect(page.getByLabel("Status")).toHaveValue("completed");
  await expect(entities(page)).toHaveText([names[1]]);

  // The days the jobs were submitted on, in the browser's time zone (not the test runner's, not UTC).
  const sorted = [...createdAt].sort();
  const today = await browserDay(page, sorted[0]);
  const tomorrow = await browserDay(page, sorted.at(-1)!, 1);
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(rows(page)).toHaveCount(3);
  await page.getByLabel("Submitted from").fill(tomorrow);
  await expect(page).toHaveURL(new RegExp(`created_gte=${tomorrow}`));
  await expect(page.getByText("No evaluations match these filters")).toBeVisible();
  await page.getByLabel("Submitted from").fill(today);
  await expect(rows(page)).toHaveCount(3);
});

test("cursor pagination pages forward and back", async ({ page }) => {
  await page.goto("/jobs?limit=2");
  const previous = page.getByRole("button", { name: "Previous" });
  const next = page.getByRole("button", { name: "Next" });
  await expect(entities(page)).toHaveText([names[2], names[1]]);
  await expect(previous).toBeDisabled();

  await next.click();
  await expect(page).toHaveURL(/starting_after=eval_/);
  await expect(entities(page)).toHaveText([names[0]]);
  await expect(next).toBeDisabled();

  await previous.click();
  await expect(entities(page)).toHaveText([names[2], names[1]]);
  await expect(previous).toBeDisabled();
  await expect(page).not.toHaveURL(/starting_after/);
});

test("a new organization sees the empty state", async ({ page }) => {
  const fresh = newTenant("underwriter");
  await page.context().clearCookies();
  await signIn(page, fresh.email, fresh.password);
  await page.goto("/jobs");
  await expect(page.getByText("No evaluations yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Start a new evaluation" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/history-empty.png", fullPage: true });
});
