import { test, expect } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { completedJob, expectAccessible, screenshot } from "./page-checks";

// The audit trace page, its Share panel, the read-only shared view and organization isolation,
// on one completed evaluation of the seed profile against carriers:all.

// Organizations come from the CLI (a process per call) and the job runs for real: allow for a slow machine.
test.describe.configure({ timeout: 120_000 });

type TraceJson = {
  eliminated: { code: string; rule: string; count: number; candidates: { name: string }[] }[];
  scored: { name: string; tier_rule?: string }[];
};

let tenant: ReturnType<typeof newTenant>;
let evalId: string;
let trace: TraceJson;

test.beforeAll(async ({ request }) => {
  tenant = newTenant("admin");
  evalId = await completedJob(request, tenant.key);
  const res = await request.get(`/traces/${evalId}`, { headers: { "X-API-Key": tenant.key, Accept: "application/json" } });
  expect(res.status()).toBe(200);
  trace = (await res.json()) as TraceJson;
  expect(trace.eliminated.length).toBeGreaterThan(0);
  expect(trace.scored.length).toBeGreaterThan(0);
});

test("the audit trace shows inputs, run, eliminated groups by rule and each candidate's evidence", async ({ page }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/traces/${evalId}`);
  await expect(page.getByRole("heading", { level: 1, name: "acme-manufacturing" })).toBeVisible();

  const inputs = page.locator("section", { has: page.getByRole("heading", { name: "Inputs" }) });
  await expect(inputs).toContainText("$12,000,000");
  await expect(inputs).toContainText("professional_liability");
  const run = page.locator("section", { has: page.getByRole("heading", { name: "Run" }) });
  await expect(run).toContainText(/carriers:all · version \d+/);
  await expect(run).toContainText("Engine version");
  await expect(run).toContainText("Rules hash");
  await expect(run).toContainText("Defaults (version 0)"); // this tenant never changed its scoring rules

  // Eliminated: one group per rule, all collapsed, counts as in the JSON trace.
  const groups = page.getByTestId("eliminated-group");
  await expect(groups).toHaveCount(trace.eliminated.length);
  const first = trace.eliminated[0];
  const firstToggle = groups.first().getByRole("heading").getByRole("button");
  await expect(firstToggle).toHaveAttribute("aria-expanded", "false");
  await expect(firstToggle).toContainText(first.rule);
  await expect(firstToggle).toContainText(first.count.toLocaleString("en-US"));
  await firstToggle.click();
  await expect(firstToggle).toHaveAttribute("aria-expanded", "true");
  await expect(groups.first().getByRole("listitem").first()).toBeVisible();
  // A long group shows a page at a time.
  if (first.count > 50) await expect(groups.first().getByRole("button", { name: /more/ })).toBeVisible();

  // Scored: open the top candidate's evidence: six dimensions with level, rule and sentence; tier and confidence rules.
  const top = page.getByTestId("scored-row").first();
  await expect(top).toContainText(trace.scored[0].name);
  await top.getByRole("button", { name: `Evidence for ${trace.scored[0].name}` }).click();
  const evidence = page.getByTestId("evidence-row");
  await expect(evidence).toHaveCount(6);
  await expect(evidence.first().locator("td").nth(1)).not.toBeEmpty();
  if (trace.scored[0].tier_rule) await expect(page.getByText(trace.scored[0].tier_rule, { exact: true }).first()).toBeVisible();

  await expectAccessible(page, "trace");
  await screenshot(page, "trace");
});

test("searching eliminated candidates by name filters the groups", async ({ page }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/traces/${evalId}`);
  const biggest = [...trace.eliminated].sort((a, b) => b.count - a.count)[0];
  const name = biggest.candidates[biggest.candidates.length - 1].name;
  const expectedGroups = trace.eliminated.filter((g) => g.candidates.some((c) => c.name.toLowerCase().includes(name.toLowerCase())));

  const search = page.getByLabel("Search eliminated candidates by name");
  await search.fill(name);
  const groups = page.getByTestId("eliminated-group");
  await expect(groups).toHaveCount(expectedGroups.length);
  // Matching groups open by themselves, with the match marked.
  await expect(groups.first().getByRole("heading").getByRole("button")).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("mark", { hasText: name }).first()).toBeVisible();
  await expect(page.getByText(/of [\d,]+ eliminated candidates match/)).toBeVisible();
  await screenshot(page, "trace-search");

  await search.fill("zz-no-such-carrier-zz");
  await expect(page.getByText("No eliminated candidate matches")).toBeVisible();
  await expect(groups).toHaveCount(0);
  await search.fill("");
  await expect(groups).toHaveCount(trace.eliminated.length);
});

test("a share link opens the trace signed out, read-only with the right headers, until revoked", async ({ page, browser }) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto(`/traces/${evalId}`);
  // Hydrated (the submit button is live) and the links loaded, before choosing an expiry.
  await expect(page.getByRole("button", { name: "Create link" })).toBeEnabled();
  await expect(page.getByText("No links yet.")).toBeVisible();
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Create link" }).click();
  const field = page.getByLabel("New share link");
  await expect(field).toHaveValue(/\/share\/[A-Za-z0-9_-]{43}$/);
  const url = await field.inputValue();
  expect(new URL(url).origin).toBe(new URL(page.url()).origin);
  await expect(page.getByTestId("share-link")).toHaveCount(1);
  await expect(page.getByTestId("share-link").first()).toContainText("Active");
  await screenshot(page, "trace-share-panel");

  const outsider = await browser.newContext();
  try {
    const shared = await outsider.newPage();
    const res = await shared.goto(url);
    expect(res?.status()).toBe(200);
    const h = res!.headers();
    expect(h["referrer-policy"]).toBe("no-referrer");
    expect(h["x-robots-tag"]).toContain("noindex");
    expect(h["cache-control"]).toContain("no-store");
    await expect(shared.getByTestId("share-banner")).toContainText(/Shared read-only view, expires \d+ \w+ \d{4}/);
    await expect(shared.getByRole("heading", { level: 1, name: "acme-manufacturing" })).toBeVisible();
    await expect(shared.getByTestId("eliminated-group")).toHaveCount(trace.eliminated.length);
    await expect(shared.getByTestId("scored-row").first()).toContainText(trace.scored[0].name);
    // Read-only: no app navigation, no share panel, nothing signed in.
    await expect(shared.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await expect(shared.getByRole("button", { name: "Create link" })).toHaveCount(0);
    await expect(shared.getByText("Sign out")).toHaveCount(0);
    await expectAccessible(shared, "share");
    await screenshot(shared, "share");

    // Revoke from the trace page; the link stops working at once.
    await page.getByRole("button", { name: /^Revoke link created/ }).click();
    await page.getByRole("button", { name: "Revoke link", exact: true }).click();
    await expect(page.getByTestId("share-link").first()).toContainText("Revoked");
    await expect(page.getByLabel("New share link")).toHaveCount(0);

    const gone = await shared.goto(url);
    expect(gone?.status()).toBe(404);
    expect(gone!.headers()["referrer-policy"]).toBe("no-referrer");
    await expect(shared.getByRole("heading", { name: "This link is not available" })).toBeVisible();
    await screenshot(shared, "share-revoked");

    const unknown = await shared.goto(`/share/${"A".repeat(43)}`);
    expect(unknown?.status()).toBe(404);
  } finally {
    await outsider.close();
  }
});

test("another organization's user gets 404 on this trace", async ({ browser }) => {
  const other = newTenant("admin");
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await signIn(page, other.email, other.password);
    const res = await page.goto(`/traces/${evalId}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Trace not found" })).toBeVisible();
    await expect(page.getByText("acme-manufacturing")).toHaveCount(0);
    const api = await page.request.get(`/api/v1/jobs/${evalId}/share-links`);
    expect(api.status()).toBe(404);
  } finally {
    await ctx.close();
  }
});
