import { test, expect, type Page } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { SEED_PROFILE, completedJob, expectAccessible, screenshot } from "./page-checks";

// Issue #11, the rest: every paged Settings list reaches its last row with "Load more" (page size
// from the page's ?limit=), from the keyboard; test-key jobs are listed apart in History (Live /
// Test in the URL, kept by saved views) and marked on History, the job page and the trace page.

test.describe.configure({ timeout: 180_000 });

/** POST with the page's session (cookies, and the Origin the CSRF check wants). */
async function post(page: Page, path: string, data: unknown) {
  const res = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/** Press "Load more" (from the keyboard) until it is gone; the rows counted at the end. */
async function loadAll(page: Page, rowTestId: string, what: string, pageSize: number, total: number) {
  const rows = page.getByTestId(rowTestId);
  await expect(rows).toHaveCount(pageSize);
  const more = page.getByRole("button", { name: `Load more ${what}` });
  for (let shown = pageSize; shown < total; shown = Math.min(total, shown + pageSize)) {
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(rows).toHaveCount(Math.min(total, shown + pageSize));
  }
  await expect(more).toHaveCount(0);
  await expect(page.getByText(`All ${total} shown`)).toBeVisible();
}

test("Members, API keys and the audit log reach their last row with Load more", async ({ page }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/members");
  // 1 admin + 4 members; 1 CLI key + 4 keys; and the audit events these make.
  for (let i = 0; i < 4; i++) {
    await post(page, "/api/v1/members", { email: `${t.slug}-m${i}@example.test`, password: "temporary-password", role: "underwriter" });
    await post(page, "/api/v1/api-keys", { name: `key ${i}` });
  }
  const events = (await (await page.request.get("/api/v1/audit-events?limit=200")).json()) as { data: { id: string }[] };
  expect(events.data.length).toBeGreaterThanOrEqual(9);

  await page.goto("/settings/members?limit=2");
  await loadAll(page, "member-row", "members", 2, 5);
  await expect(page.getByTestId("member-row").last()).toContainText(`${t.slug}-m3@example.test`);
  await expectAccessible(page, "settings: members, every page loaded");
  await screenshot(page, "paging-members");

  await page.goto("/settings/api-keys?limit=2");
  await loadAll(page, "api-key-row", "keys", 2, 5);
  await expect(page.getByTestId("api-key-row").filter({ hasText: "e2e" })).toHaveCount(1); // the oldest: the CLI's key

  await page.goto("/settings/audit?limit=4");
  await loadAll(page, "audit-row", "events", 4, events.data.length);
  await expectAccessible(page, "settings: audit log, every page loaded");
  await screenshot(page, "paging-audit");
});

test("test-key jobs are listed apart in History and marked Test on History, the job and its trace", async ({ page }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/jobs");
  const testKey = ((await post(page, "/api/v1/api-keys", { name: "sandbox", mode: "test" })) as { key: string }).key;
  const liveJob = await completedJob(page.request, t.key);
  const testJob = await completedJob(page.request, testKey, { profile: { ...SEED_PROFILE, entity: "sandbox-account" } });

  const modes = page.getByRole("navigation", { name: "Live or test evaluations" });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/jobs");
    await expect(modes.getByRole("link", { name: "Live" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("history-row")).toHaveCount(1);
    await expect(page.getByTestId("history-row")).toContainText(liveJob);
    await expect(page.getByTestId("test-badge")).toHaveCount(0);
    await expectAccessible(page, `history, live (${scheme})`);
    await screenshot(page, `history-live-${scheme}`);

    await modes.getByRole("link", { name: "Test" }).click();
    await expect(page).toHaveURL(/\/jobs\?mode=test$/);
    await expect(page.getByRole("heading", { name: /Test evaluations/ })).toBeVisible();
    await expect(page.getByTestId("history-row")).toHaveCount(1);
    const row = page.getByTestId("history-row");
    await expect(row).toContainText(testJob);
    await expect(row.getByTestId("test-badge")).toHaveText("Test");
    await expectAccessible(page, `history, test (${scheme})`);
    await screenshot(page, `history-test-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // A filter keeps the mode; a saved view keeps it too (History's state is its URL).
  await page.getByLabel("Status").selectOption("completed");
  await expect(page).toHaveURL(/mode=test/);
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill("Sandbox jobs");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Saved views")).toHaveValue(/view_/);
  const views = (await (await page.request.get("/api/v1/saved-views?page=history")).json()) as { data: { name: string; query: string; url: string }[] };
  const saved = views.data.find((v) => v.name === "Sandbox jobs")!;
  expect(saved.query).toBe("mode=test&status=completed");
  await page.goto("/jobs");
  await page.goto(new URL(saved.url).pathname + new URL(saved.url).search);
  await expect(page.getByTestId("history-row")).toContainText(testJob);
  await expect(modes.getByRole("link", { name: "Test" })).toHaveAttribute("aria-current", "page");

  // The job page and the trace page say Test; a live job's do not.
  await page.getByTestId("history-entity").click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${testJob}`));
  await expect(page.getByTestId("test-badge")).toBeVisible();
  await expectAccessible(page, "job page, test job");
  await page.goto(`/traces/${testJob}`);
  await expect(page.getByTestId("test-badge")).toBeVisible();
  await expectAccessible(page, "trace page, test job");
  await screenshot(page, "trace-test-job");
  await page.goto(`/jobs/${liveJob}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("test-badge")).toHaveCount(0);
});

test("Batches: a test key's batch is listed apart and marked Test; Load more reaches the last batch", async ({ page }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/batches");
  const testKey = ((await post(page, "/api/v1/api-keys", { name: "sandbox", mode: "test" })) as { key: string }).key;
  const csv = "entity,state,line,revenue,employees\nacct-1,CA,professional_liability,1000000,10\n";
  const submit = async (key: string) => {
    const res = await page.request.post("/api/v1/batches?pool=carriers:all", { headers: { "X-API-Key": key, "content-type": "text/csv" }, data: csv });
    expect(res.status(), await res.text()).toBe(202);
    return ((await res.json()) as { batch_id: string }).batch_id;
  };
  const live = [await submit(t.key), await submit(t.key), await submit(t.key)];
  const sandbox = await submit(testKey);

  await page.goto("/batches?limit=2");
  await loadAll(page, "batch-row", "batches", 2, 3);
  for (const id of live) await expect(page.getByTestId("batch-row").filter({ hasText: id })).toHaveCount(1);
  await expect(page.getByTestId("batch-row").filter({ hasText: sandbox })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Live or test batches" }).getByRole("link", { name: "Test" }).click();
  await expect(page).toHaveURL(/\/batches\?mode=test$/);
  await expect(page.getByTestId("batch-row")).toHaveCount(1);
  await expect(page.getByTestId("batch-row")).toContainText(sandbox);
  await expectAccessible(page, "batches, test");
  await page.getByRole("link", { name: sandbox }).click();
  await expect(page.getByTestId("test-badge")).toBeVisible();
});
