import fs from "node:fs";
import { test, expect, type Locator, type Page } from "@playwright/test";
import { newTenant, signedInWithoutPageErrors } from "./helpers";
import { completedJob, expectAccessible, screenshot } from "./page-checks";

// The market plan (issue #12): an underwriter builds a plan from the results, records two
// admitted declinations and a quote with the Plan tab's quick actions and keyboard, and prints
// the diligent-search record.

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

test("build a plan from the results, record two declinations and a quote, print the diligent-search record", async ({ page }) => {
  await page.goto(`/jobs/${evalId}`);
  await expect(page.getByTestId("results-ready")).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId("candidate-row");
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    names.push((await rows.nth(i).getByTestId("candidate-name").textContent())!.trim());
    await rows.nth(i).getByRole("checkbox").check();
  }
  await page.getByRole("button", { name: "Add to plan (3)" }).click();

  // The Plan tab opens with the three carriers planned, in the results' order.
  await expect(page.getByRole("tab", { name: "Plan (3)" })).toHaveAttribute("aria-selected", "true");
  await expect(column(page, "planned").getByTestId("plan-card")).toHaveCount(3);
  await expect(column(page, "planned").getByTestId("plan-card").first()).toContainText(names[0]);

  // Keyboard: focus the first card, S submits it, D opens the declination form.
  const first = card(page, names[0]);
  await first.focus();
  await page.keyboard.press("s");
  await expect(column(page, "submitted").getByTestId("plan-card")).toHaveCount(1);
  await expect(card(page, names[0])).toBeFocused();
  await page.keyboard.press("d");
  const form = page.getByRole("form", { name: `Declination from ${names[0]}` });
  await expect(form.getByLabel("Reason")).toBeFocused();
  await form.getByLabel("Reason").selectOption({ label: "Capacity" });
  await form.getByLabel("Details").fill("line is full for the year");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(column(page, "declined").getByTestId("plan-card")).toHaveCount(1);
  await expect(card(page, names[0]).getByTestId("declination")).toHaveText("Capacity: line is full for the year");

  // Buttons: the second carrier submitted then declined, the third submitted then quoted.
  await card(page, names[1]).getByRole("button", { name: `Submit: ${names[1]}` }).click();
  await expect(column(page, "submitted").getByTestId("plan-card")).toHaveCount(1);
  await decline(page, card(page, names[1]), names[1], "Loss history", "three losses in five years");
  await expect(column(page, "declined").getByTestId("plan-card")).toHaveCount(2);

  await card(page, names[2]).getByRole("button", { name: `Submit: ${names[2]}` }).click();
  await expect(column(page, "submitted").getByTestId("plan-card")).toHaveCount(1);
  await card(page, names[2]).getByRole("button", { name: `Record quote: ${names[2]}` }).click();
  const quote = page.getByRole("form", { name: `Quote from ${names[2]}` });
  await quote.getByLabel("Premium (USD)").fill("12500");
  await quote.getByLabel("Limit (USD)").fill("1000000");
  await quote.getByLabel("Retention (USD)").fill("10000");
  await quote.getByLabel("Quote expires").fill("2027-01-31");
  await quote.getByRole("button", { name: "Save" }).click();
  await expect(column(page, "quoted").getByTestId("plan-card")).toHaveCount(1);
  await expect(card(page, names[2]).getByTestId("quote")).toContainText("$12,500 premium");
  // A quoted carrier offers Bind and Withdraw only.
  await expect(card(page, names[2]).getByRole("button")).toHaveText(["Bind", "Withdraw"]);

  // The API agrees, with who recorded each change.
  const plan = (await (await page.request.get(`/api/v1/jobs/${evalId}/plan`)).json()) as { entries: { status: string; events: { actor: string }[] }[] };
  expect(plan.entries.map((e) => e.status)).toEqual(["declined", "declined", "quoted"]);
  expect(plan.entries[0].events.at(-1)!.actor).toBe(`user:${tenant.email}`);

  await screenshot(page, "plan-tab");
  await expectAccessible(page, "plan tab");

  // The diligent-search record lists the admitted carriers approached, with dates and reasons.
  await page.goto(`/jobs/${evalId}/diligent-search`);
  const record = page.getByTestId("ds-record");
  await expect(record.getByRole("heading", { name: "Diligent-search record" })).toBeVisible();
  await screenshot(page, "diligent-search-record");
  await expectAccessible(page, "diligent-search record");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print / save as PDF" })).toBeHidden();
  const pdf = await page.pdf({ format: "Letter", printBackground: true });
  fs.mkdirSync("test-results/screens", { recursive: true });
  fs.writeFileSync("test-results/screens/diligent-search-record.pdf", pdf);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
});
