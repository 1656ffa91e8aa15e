import fs from "node:fs";
import { test, expect, type Locator, type Page } from "@playwright/test";
import { newTenant, signedInWithoutPageErrors } from "./helpers";
import { SEED_PROFILE, completedJob, expectAccessible, screenshot } from "./page-checks";

// The market plan (issue #12): an underwriter builds a plan from the results (admitted carriers and
// a surplus-lines one), records the home state's number of admitted declinations (keyboard and
// buttons) and a quote, sees the SL carrier become cleared, and prints the diligent-search record;
// then sets who and when on a card, marks the quote recommended, and shares the marketing summary,
// which opens signed out in a fresh browser context and prints to PDF, until revoked. On a second
// evaluation, binding the surplus-lines carrier before the search is met is blocked with the reason
// and bound under an exemption, which the plan, the record and the summary show.

test.describe.configure({ mode: "serial", timeout: 180_000 });

let tenant: ReturnType<typeof newTenant>;
let evalId = "";

test.beforeAll(async ({ request }) => {
  tenant = newTenant("underwriter");
  evalId = await completedJob(request, tenant.key);
});

signedInWithoutPageErrors(() => tenant);

const card = (page: Page, name: string) => page.getByTestId("plan-card").filter({ has: page.getByText(name, { exact: true }) });
const column = (page: Page, status: string) => page.getByTestId(`column-${status}`);

async function decline(page: Page, c: Locator, name: string, reason: string, text: string) {
  await c.getByRole("button", { name: `Record declination: ${name}` }).click();
  const form = page.getByRole("form", { name: `Declination from ${name}` });
  await form.getByLabel("Reason").selectOption({ label: reason });
  await form.getByLabel("Details").fill(text);
  await form.getByRole("button", { name: "Save" }).click();
}

interface Candidate {
  id: string;
  name: string;
  market?: string;
  surplus_lines?: { declinations_required: number };
}

test("build a plan from the results, record the admitted declinations and a quote, see the SL carrier cleared, print the diligent-search record", async ({
  page,
}) => {
  const job = (await (await page.request.get(`/api/v1/jobs/${evalId}`)).json()) as { candidates: Candidate[] };
  const sl = job.candidates.find((c) => c.market === "surplus_lines")!;
  expect(sl, "the seed profile has a surplus-lines candidate").toBeTruthy();
  const required = sl.surplus_lines!.declinations_required;
  expect(required).toBeGreaterThanOrEqual(2);
  const admitted = job.candidates.filter((c) => c.market === "admitted").slice(0, required);
  expect(admitted).toHaveLength(required);

  await page.goto(`/jobs/${evalId}`);
  await expect(page.getByTestId("results-ready")).toBeVisible({ timeout: 30_000 });
  const row = (id: string) => page.locator(`[data-testid="candidate-row"][data-id="${id}"]`);
  for (const c of admitted) await row(c.id).getByRole("checkbox").check();
  await page.getByRole("button", { name: `Add to plan (${required})` }).click();

  // The Plan tab opens with the admitted carriers planned, in the results' order.
  await expect(page.getByRole("tab", { name: `Plan (${required})` })).toHaveAttribute("aria-selected", "true");
  await expect(column(page, "planned").getByTestId("plan-card")).toHaveCount(required);
  await expect(column(page, "planned").getByTestId("plan-card").first()).toContainText(admitted[0].name);

  // Back to the results: add the surplus-lines carrier too (appended to the plan).
  await page.getByRole("tab", { name: /^Results/ }).click();
  await row(sl.id).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Add to plan (1)" }).click();
  await expect(page.getByRole("tab", { name: `Plan (${required + 1})` })).toHaveAttribute("aria-selected", "true");
  const ds = page.getByTestId("diligent-search");
  await expect(ds.getByTestId("ds-count")).toHaveText(`0 of ${required} recorded`);
  await expect(card(page, sl.name).getByTestId("sl-cleared")).toHaveText("Not yet cleared");

  // Keyboard: focus the first card, S submits it (focus follows it), D opens the declination form.
  const first = card(page, admitted[0].name);
  await first.focus();
  await page.keyboard.press("s");
  await expect(column(page, "submitted").getByTestId("plan-card")).toHaveCount(1);
  await expect(card(page, admitted[0].name)).toBeFocused();
  await page.keyboard.press("d");
  const form = page.getByRole("form", { name: `Declination from ${admitted[0].name}` });
  await expect(form.getByLabel("Reason")).toBeFocused();
  await form.getByLabel("Reason").selectOption({ label: "Capacity" });
  await form.getByLabel("Details").fill("line is full for the year");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(column(page, "declined").getByTestId("plan-card")).toHaveCount(1);
  await expect(card(page, admitted[0].name).getByTestId("declination")).toHaveText("Capacity: line is full for the year");
  await expect(ds.getByTestId("ds-count")).toHaveText(`1 of ${required} recorded`);

  // Buttons for the other admitted carriers: submit, then decline; the last one clears the SL carrier.
  for (const [i, c] of admitted.slice(1).entries()) {
    await card(page, c.name)
      .getByRole("button", { name: `Submit: ${c.name}` })
      .click();
    await expect(column(page, "submitted").getByTestId("plan-card")).toHaveCount(1);
    await decline(page, card(page, c.name), c.name, "Loss history", "three losses in five years");
    await expect(column(page, "declined").getByTestId("plan-card")).toHaveCount(i + 2);
    await expect(ds.getByTestId("ds-count")).toHaveText(`${i + 2} of ${required} recorded`);
    if (i + 2 < required) await expect(card(page, sl.name).getByTestId("sl-cleared")).toHaveText("Not yet cleared");
  }
  await expect(card(page, sl.name).getByTestId("sl-cleared")).toHaveText("Cleared for SL");
  await expect(ds).toContainText("surplus-lines carriers are cleared");

  // The surplus-lines carrier: submitted, then a quote.
  await card(page, sl.name)
    .getByRole("button", { name: `Submit: ${sl.name}` })
    .click();
  await expect(column(page, "submitted").getByTestId("plan-card")).toHaveCount(1);
  await card(page, sl.name)
    .getByRole("button", { name: `Record quote: ${sl.name}` })
    .click();
  const quote = page.getByRole("form", { name: `Quote from ${sl.name}` });
  await quote.getByLabel("Premium (USD)").fill("12500");
  await quote.getByLabel("Limit (USD)").fill("1000000");
  await quote.getByLabel("Retention (USD)").fill("10000");
  await quote.getByLabel("Quote expires").fill("2027-01-31");
  await quote.getByRole("button", { name: "Save" }).click();
  await expect(column(page, "quoted").getByTestId("plan-card")).toHaveCount(1);
  await expect(card(page, sl.name).getByTestId("quote")).toContainText("$12,500 premium");
  // A quoted carrier offers Bind and Withdraw (the machine's next statuses), Recommend and Edit.
  await expect(card(page, sl.name).getByRole("button")).toHaveText(["Bind", "Withdraw", "Recommend", "Edit"]);

  // The API agrees, with who recorded each change.
  const plan = (await (await page.request.get(`/api/v1/jobs/${evalId}/plan`)).json()) as { entries: { status: string; events: { actor: string }[] }[] };
  expect(plan.entries.map((e) => e.status)).toEqual([...admitted.map(() => "declined"), "quoted"]);
  expect(plan.entries[0].events.at(-1)!.actor).toBe(`user:${tenant.email}`);

  await screenshot(page, "plan-tab");
  await expectAccessible(page, "plan tab");

  // The diligent-search record lists the admitted carriers approached, with dates and reasons.
  await ds.getByRole("link", { name: "Diligent-search record" }).click();
  const record = page.getByTestId("ds-record");
  await expect(record.getByRole("heading", { name: "Diligent-search record" })).toBeVisible();
  await expect(record.getByTestId("ds-summary")).toContainText(`Recorded: ${required}`);
  await expect(record.getByTestId("ds-summary")).toContainText("requirement met");
  const rows = record.getByTestId("ds-row");
  await expect(rows).toHaveCount(required);
  await expect(rows.first()).toContainText(admitted[0].name);
  await expect(rows.first()).toContainText("Capacity: line is full for the year");
  await expect(rows.nth(1)).toContainText("Loss history: three losses in five years");
  await screenshot(page, "diligent-search-record");
  await expectAccessible(page, "diligent-search record");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print / save as PDF" })).toBeHidden();
  await screenshot(page, "diligent-search-record-print");
  const pdf = await page.pdf({ format: "Letter", printBackground: true });
  fs.mkdirSync("test-results/screens", { recursive: true });
  fs.writeFileSync("test-results/screens/diligent-search-record.pdf", pdf);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});

test("who and when on a card, the recommended quote, and the marketing summary shared, opened signed out, printed and revoked", async ({ page, browser }) => {
  const job = (await (await page.request.get(`/api/v1/jobs/${evalId}`)).json()) as { candidates: (Candidate & { reasoning: string })[] };
  const sl = job.candidates.find((c) => c.market === "surplus_lines")!;
  const required = sl.surplus_lines!.declinations_required;
  await page.goto(`/jobs/${evalId}`);
  await page.getByRole("tab", { name: /^Plan/ }).click();

  // Edit who and when (E on the focused card opens the form), saved through PUT …/plan.
  const slCard = card(page, sl.name);
  await slCard.focus();
  await page.keyboard.press("e");
  const edit = page.getByRole("form", { name: `Who and when for ${sl.name}` });
  await expect(edit.getByLabel("Responsible")).toBeFocused();
  await edit.getByLabel("Responsible").fill("Dana Whitfield");
  await edit.getByLabel("Target date").fill("2026-12-15");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(slCard).toContainText("Dana Whitfield · due 2026-12-15");
  await expect(slCard).toBeFocused();

  // Recommend the quote: recorded in the history like any change.
  await slCard.getByRole("button", { name: `Recommend: ${sl.name}` }).click();
  await expect(slCard.getByTestId("recommended")).toHaveText("Recommended");
  const plan = (await (await page.request.get(`/api/v1/jobs/${evalId}/plan`)).json()) as {
    entries: { carrier_id: string; responsible: string; target_date: string; recommended: boolean; events: { kind: string; changes: unknown }[] }[];
  };
  const entry = plan.entries.find((e) => e.carrier_id === sl.id)!;
  expect([entry.responsible, entry.target_date, entry.recommended]).toEqual(["Dana Whitfield", "2026-12-15", true]);
  expect(entry.events.filter((e) => e.kind === "updated").map((e) => e.changes)).toEqual([
    { responsible: [null, "Dana Whitfield"], target_date: [null, "2026-12-15"] },
    { recommended: [false, true] },
  ]);

  // The marketing summary: markets approached, the quote side by side, the recommendation and why.
  await page.getByRole("link", { name: "Marketing summary" }).click();
  const summary = page.getByTestId("marketing-summary");
  await expect(summary.getByRole("heading", { level: 1, name: "Marketing summary" })).toBeVisible();
  await expect(summary.getByTestId("summary-market")).toHaveCount(required + 1);
  await expect(summary.getByTestId("summary-quotes")).toContainText("$12,500");
  await expect(summary.getByTestId("summary-quotes")).toContainText("Surplus lines");
  const rec = summary.getByTestId("summary-recommendation");
  await expect(rec).toContainText(sl.name);
  await expect(rec).toContainText("recommended by your broker");
  await expect(rec).toContainText(sl.reasoning);
  await expect(summary.getByTestId("summary-sl")).toContainText("requirement met");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `marketing summary (${scheme})`);
    await screenshot(page, `marketing-summary-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // Share it: a link of its own kind, shown once.
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Create link" }).click();
  const field = page.getByLabel("New share link");
  await expect(field).toHaveValue(/\/share\/summary\/[A-Za-z0-9_-]{43}$/);
  const url = await field.inputValue();
  await expect(page.getByTestId("share-link")).toHaveCount(1);

  const outsider = await browser.newContext();
  try {
    const shared = await outsider.newPage();
    const res = await shared.goto(url);
    expect(res?.status()).toBe(200);
    expect(res!.headers()["referrer-policy"]).toBe("no-referrer");
    expect(res!.headers()["x-robots-tag"]).toContain("noindex");
    await expect(shared.getByTestId("share-banner")).toContainText(/Shared read-only view, expires/);
    await expect(shared.getByTestId("summary-recommendation")).toContainText(sl.name);
    await expect(shared.getByTestId("summary-market")).toHaveCount(required + 1);
    await expect(shared.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await expect(shared.getByRole("button", { name: "Create link" })).toHaveCount(0);
    await expectAccessible(shared, "shared marketing summary");
    await screenshot(shared, "marketing-summary-shared");
    // The summary link is not a trace link.
    expect((await shared.goto(url.replace("/share/summary/", "/share/")))?.status()).toBe(404);
    await shared.goto(url);
    await shared.emulateMedia({ media: "print" });
    await expect(shared.getByRole("button", { name: "Print / save as PDF" })).toBeHidden();
    const pdf = await shared.pdf({ format: "Letter", printBackground: true });
    fs.mkdirSync("test-results/screens", { recursive: true });
    fs.writeFileSync("test-results/screens/marketing-summary.pdf", pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await screenshot(shared, "marketing-summary-print");

    // Revoked from the summary page: the link opens nothing.
    await page.getByRole("button", { name: /^Revoke link created/ }).click();
    await page.getByRole("button", { name: "Revoke link", exact: true }).click();
    await expect(page.getByTestId("share-link").first()).toContainText("Revoked");
    await shared.emulateMedia({ media: "screen" });
    const gone = await shared.goto(url);
    expect(gone?.status()).toBe(404);
    await expect(shared.getByRole("heading", { name: "This link is not available" })).toBeVisible();
  } finally {
    await outsider.close();
  }
});

test("binding a surplus-lines carrier before the diligent search is met is blocked with the reason; bound under an exemption, shown in the plan, the record and the summary", async ({
  page,
  request,
}) => {
  const id = await completedJob(request, tenant.key);
  const job = (await (await page.request.get(`/api/v1/jobs/${id}`)).json()) as { candidates: Candidate[] };
  const sl = job.candidates.find((c) => c.market === "surplus_lines")!;
  const required = sl.surplus_lines!.declinations_required;
  expect(required).toBeGreaterThanOrEqual(2);
  const admitted = job.candidates.find((c) => c.market === "admitted")!;

  await page.goto(`/jobs/${id}`);
  await expect(page.getByTestId("results-ready")).toBeVisible({ timeout: 30_000 });
  for (const c of [admitted, sl]) await page.locator(`[data-testid="candidate-row"][data-id="${c.id}"]`).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Add to plan (2)" }).click();
  await expect(page.getByRole("tab", { name: "Plan (2)" })).toHaveAttribute("aria-selected", "true");

  // One admitted declination: not enough for the home state.
  await card(page, admitted.name)
    .getByRole("button", { name: `Submit: ${admitted.name}` })
    .click();
  await decline(page, card(page, admitted.name), admitted.name, "Class", "outside appetite");
  await expect(page.getByTestId("ds-count")).toHaveText(`1 of ${required} recorded`);

  // The surplus-lines carrier quotes; Bind says why it is blocked and offers the exemptions.
  const slCard = card(page, sl.name);
  await slCard.getByRole("button", { name: `Submit: ${sl.name}` }).click();
  await expect(column(page, "submitted").getByTestId("plan-card")).toHaveCount(1);
  await slCard.getByRole("button", { name: `Record quote: ${sl.name}` }).click();
  const quote = page.getByRole("form", { name: `Quote from ${sl.name}` });
  await quote.getByLabel("Premium (USD)").fill("9800");
  await quote.getByRole("button", { name: "Save" }).click();
  await expect(column(page, "quoted").getByTestId("plan-card")).toHaveCount(1);
  await slCard.getByRole("button", { name: `Bind: ${sl.name}` }).click();
  const bind = page.getByRole("form", { name: `Bind ${sl.name}` });
  await expect(bind.getByTestId("bind-blocked")).toHaveText(
    `Bind blocked: ${SEED_PROFILE.state} requires ${required} admitted declinations before binding a surplus-lines carrier; 1 recorded.`,
  );
  await expect(bind.getByRole("radio", { name: /^Exempt commercial purchaser/ })).toBeFocused();
  await expect(bind.getByRole("radio")).toHaveCount(2);
  await bind.getByRole("radio", { name: /^Export list/ }).check();
  await expect(column(page, "bound").getByTestId("plan-card")).toHaveCount(0);
  await screenshot(page, "plan-bind-blocked");
  await expectAccessible(page, "blocked surplus-lines bind");

  await bind.getByRole("button", { name: "Bind with exemption" }).click();
  await expect(column(page, "bound").getByTestId("plan-card")).toHaveCount(1);
  await expect(slCard.getByTestId("sl-exemption")).toHaveText("Exempt: export list");
  await expect(page.getByTestId("ds-exemptions")).toHaveText(`Bound under an exemption instead: ${sl.name} (export list).`);
  await expect(slCard).toBeFocused();
  const plan = (await (await page.request.get(`/api/v1/jobs/${id}/plan`)).json()) as {
    entries: { carrier_id: string; status: string; events: { to: string; sl_exemption: string | null; actor: string }[] }[];
  };
  const entry = plan.entries.find((e) => e.carrier_id === sl.id)!;
  expect(entry.status).toBe("bound");
  expect(entry.events.at(-1)).toMatchObject({ to: "bound", sl_exemption: "export_list", actor: `user:${tenant.email}` });
  await screenshot(page, "plan-bound-exemption");

  // The diligent-search record and the marketing summary name the exemption.
  await page.getByRole("link", { name: "Diligent-search record" }).click();
  await expect(page.getByTestId("ds-sl-row")).toContainText(`${sl.name} — Bound under the export list exemption`);
  await page.goto(`/jobs/${id}/summary`);
  await expect(page.getByTestId("summary-sl-exemption")).toContainText(`${sl.name} was bound without the diligent search under the export list exemption`);
});
