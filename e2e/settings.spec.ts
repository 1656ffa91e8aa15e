import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { cli, newTenant, signIn, uniq } from "./helpers";
import { SEED_PROFILE, completedJob, expectAccessible, screenshot } from "./page-checks";

// Settings, for organization admins: API keys, the webhook signing secret, members; and the
// guard: an underwriter (or an API key) gets no settings.

// Each test makes its own organization with the CLI (a process per call): allow for a slow machine.
test.describe.configure({ timeout: 120_000 });

test("an admin creates an API key shown once, uses it, and revokes it", async ({ page, request }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/members");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByTestId("api-key-row")).toHaveCount(1); // the tenant's CLI key

  // The form checks the same schema as the API.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Name").fill("Broker portal");
  await page.getByRole("button", { name: "Create key" }).click();
  const field = page.getByTestId("new-key").getByRole("textbox");
  await expect(field).toHaveValue(/^nx_live_[0-9A-Za-z]{32}$/);
  const key = await field.inputValue();
  const row = page.getByTestId("api-key-row").filter({ hasText: "Broker portal" });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("Never");
  await expectAccessible(page, "settings: API keys");
  await screenshot(page, "settings-api-keys");

  expect((await request.get("/api/v1/pools", { headers: { "X-API-Key": key } })).status()).toBe(200);

  // Shown once: after a reload the key is nowhere on the page.
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByTestId("new-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await expect(row).toContainText(/just now|minute/); // last used, from the call above

  await row.getByRole("button", { name: "Revoke key Broker portal" }).click();
  await row.getByRole("button", { name: "Revoke key", exact: true }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/pools", { headers: { "X-API-Key": key } })).status()).toBe(401);

  // A test-mode key.
  await page.getByLabel("Name").fill("Sandbox");
  await page.getByText("Test", { exact: true }).click();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-key").getByRole("textbox")).toHaveValue(/^nx_test_/);
});

test("rotating the webhook secret changes the revealed value", async ({ page }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/webhooks");
  await expect(page.getByText("whsec_••••")).toBeVisible();
  await page.getByRole("button", { name: "Reveal" }).click();
  const secret = page.getByLabel("Current secret");
  await expect(secret).toHaveValue(/^whsec_/);
  const before = await secret.inputValue();
  expect(before).toBe(cli("webhooks", "secret", "--org", t.slug));

  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("button", { name: "Rotate now" }).click();
  await expect(secret).not.toHaveValue(before);
  await expect(secret).toHaveValue(/^whsec_/);
  const after = await secret.inputValue();
  expect(after).toBe(cli("webhooks", "secret", "--org", t.slug));
  await expect(page.getByText(/deliveries carry a signature from the previous secret as well/)).toBeVisible();
  await expectAccessible(page, "settings: webhooks");
  await screenshot(page, "settings-webhooks");

  await page.getByRole("button", { name: "Hide secret" }).click();
  await expect(page.getByLabel("Current secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(after);
});

test("webhook deliveries show status, attempts and last error, and Redeliver sends again", async ({ page, request }) => {
  // A receiver on loopback (the e2e server allows it): down at first, then up.
  let up = false;
  const seen: string[] = [];
  const receiver = http.createServer((req, res) => {
    seen.push(String(req.headers["webhook-id"]));
    req.resume();
    res.writeHead(up ? 200 : 503, { "content-type": "text/plain" }).end(up ? "ok" : "receiver down for maintenance");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/nexio`;
    const t = newTenant("admin");
    const evalId = await completedJob(request, t.key, { webhook_url: url });
    await expect.poll(() => seen.length, { timeout: 30_000 }).toBeGreaterThan(0);

    await signIn(page, t.email, t.password);
    await page.goto("/settings/webhooks");
    const row = page.getByTestId("delivery-row").filter({ hasText: evalId }).first();
    await expect(row).toContainText("503");
    await expect(row).toContainText(/pending|failed/);
    await row.getByRole("button", { name: /^Attempts of delivery/ }).click();
    const attempt = page.getByTestId("attempt-row").first();
    await expect(attempt).toContainText("503");
    await expect(attempt).toContainText("receiver down for maintenance");

    up = true;
    await row.getByRole("button", { name: `Redeliver ${evalId}` }).click();
    const redelivery = page.getByTestId("delivery-row").filter({ hasText: "redelivery" });
    await expect(redelivery).toHaveCount(1);
    await expect(redelivery).toContainText("succeeded", { timeout: 30_000 });
    await expect(redelivery).toContainText("200");
    // A redelivery is a new message: a new webhook-id.
    expect(new Set(seen).size).toBeGreaterThan(1);
    await expectAccessible(page, "settings: webhook deliveries");
    await screenshot(page, "settings-deliveries");
  } finally {
    receiver.close();
  }
});

test("the deliveries list pages with Load more, in the order GET /api/v1/webhook-deliveries gives", async ({ page, request }) => {
  const receiver = http.createServer((req, res) => {
    req.resume();
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const t = newTenant("admin");
    const headers = { "X-API-Key": t.key };
    for (let i = 0; i < 21; i++) {
      const res = await request.post("/api/v1/jobs", { headers, data: { profile: SEED_PROFILE, pool: "carriers:all", webhook_url: url } });
      expect(res.status()).toBe(202);
    }
    // Every job finished and delivered: the API key's view of the list.
    const listed = async () =>
      (await (await request.get("/api/v1/webhook-deliveries?limit=100&status=succeeded", { headers })).json()) as { data: { id: string }[] };
    await expect.poll(async () => (await listed()).data.length, { timeout: 60_000 }).toBe(21);
    const order = (await listed()).data.map((d) => d.id);

    await signIn(page, t.email, t.password);
    await page.goto("/settings/webhooks");
    const rows = page.getByTestId("delivery-row");
    await expect(rows).toHaveCount(20);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(rows).toHaveCount(21);
    await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-delivery-id")))).toEqual(order);
  } finally {
    receiver.close();
  }
});

test("Send test event: a signed request to a local receiver, the outcome shown inline", async ({ page }) => {
  // A receiver on loopback (the e2e server allows it): /ok acknowledges, /broken answers 500.
  const seen: { headers: Record<string, string>; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ headers: req.headers as Record<string, string>, body });
      const ok = req.url === "/hooks/ok";
      res.writeHead(ok ? 200 : 500, { "content-type": "application/json" }).end(ok ? '{"received":true}' : '{"error":"signature check failed"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const t = newTenant("admin");
    await signIn(page, t.email, t.password);
    await page.goto("/settings/webhooks");
    const form = page.getByRole("form", { name: "Send test event" });
    const url = form.getByLabel("Receiver URL");

    // The form checks the same schema as the API; the API's own refusal shows on the field too.
    await form.getByRole("button", { name: "Send test event" }).click();
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await url.fill("ftp://example.com/hook");
    await form.getByRole("button", { name: "Send test event" }).click();
    await expect(form.getByText(/only http and https URLs are allowed/)).toBeVisible();
    expect(seen).toHaveLength(0);

    await url.fill(`${base}/hooks/broken`);
    await form.getByRole("button", { name: "Send test event" }).click();
    const result = form.getByTestId("test-event-result");
    await expect(result).toContainText("Failed");
    await expect(result).toContainText("500");
    await expect(result).toContainText("signature check failed");
    await result.screenshot({ path: "test-results/screens/settings-webhook-test-failed.png" });

    await url.fill(`${base}/hooks/ok`);
    await form.getByRole("button", { name: "Send test event" }).click();
    await expect(result).toContainText("Delivered");
    await expect(result).toContainText("200");
    await expect(result).toContainText(/\d+ ms/);
    await expect(result.getByLabel("Response excerpt")).toHaveText('{"received":true}');
    expect(seen).toHaveLength(2);
    const payload = new Webhook(cli("webhooks", "secret", "--org", t.slug)).verify(seen[1].body, seen[1].headers);
    expect(payload).toMatchObject({ type: "test", eval_id: null, message: "Nexio test event" });
    await expect(result).toContainText(seen[1].headers["webhook-id"]);

    // Not a delivery: the list stays empty.
    await expect(page.getByText("No webhook deliveries yet")).toBeVisible();
    await expectAccessible(page, "settings: webhook test event");
    await screenshot(page, "settings-webhook-test");
  } finally {
    receiver.close();
  }
});

test("an admin adds a member, who can then sign in", async ({ page, browser }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/members");
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(page.getByTestId("member-row").first()).toContainText("(you)");

  const email = `${uniq("member")}@example.test`;
  // Field-level errors before anything is sent.
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Temporary password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name (optional)").fill("Nia Park");
  await page.getByLabel("Temporary password").fill("temporary-pass-1");
  await page.getByLabel("Role", { exact: true }).selectOption("underwriter");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added ${email}` })).toBeVisible();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toContainText("Underwriter");

  // The same email again: the API's field error lands on the field.
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByLabel("Temporary password")).toHaveValue(/^[A-Za-z2-9]{16}$/);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByText("A user with this email already exists")).toBeVisible();
  await expectAccessible(page, "settings: members");
  await screenshot(page, "settings-members");

  const ctx = await browser.newContext();
  try {
    const theirs = await ctx.newPage();
    await signIn(theirs, email, "temporary-pass-1");
    // The admin chose this password: the member must choose their own first (Profile).
    await theirs.goto("/settings/api-keys");
    await expect(theirs).toHaveURL(/\/profile$/);
    await theirs.getByLabel("Current password").fill("temporary-pass-1");
    await theirs.getByLabel("New password", { exact: true }).fill("their-own-password-2");
    await theirs.getByLabel("New password again").fill("their-own-password-2");
    await theirs.getByRole("button", { name: "Change password" }).click();
    await expect(theirs.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    await theirs.goto("/settings/api-keys");
    await expect(theirs.getByRole("navigation", { name: "Main" })).toContainText(email);
    await expect(theirs.getByText("Only organization admins can open Settings")).toBeVisible();
  } finally {
    await ctx.close();
  }
});

test("an underwriter gets no Settings link and 403 from the settings APIs; an API key gets 403 too", async ({ page, request, baseURL }) => {
  const t = newTenant("underwriter");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/api-keys");
  await expect(page.getByText("Only organization admins can open Settings")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "History" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  for (const path of ["/api/v1/api-keys", "/api/v1/members", "/api/v1/webhook-secret"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  }
  const post = await page.request.post("/api/v1/api-keys", { data: { name: "sneaky" }, headers: { Origin: baseURL! } });
  expect(post.status()).toBe(403);
  const rotate = await page.request.post("/api/v1/webhook-secret", { headers: { Origin: baseURL! } });
  expect(rotate.status()).toBe(403);

  // An API key cannot reach settings either, whoever's organization it belongs to.
  const keyHeaders = { "X-API-Key": t.key };
  expect((await request.get("/api/v1/api-keys", { headers: keyHeaders })).status()).toBe(403);
  expect(
    (await request.post("/api/v1/members", { headers: keyHeaders, data: { email: "x@example.test", password: "long-enough", role: "admin" } })).status(),
  ).toBe(403);
});
