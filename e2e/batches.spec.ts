import { test, expect } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { expectAccessible, screenshot } from "./page-checks";

// Batches: upload a CSV of 200 profiles through the page, watch the progress bar move without a
// reload, read the summary (rows with no strong fit first), open one row's job and its trace,
// export the results. A file with a bad row shows the row report and stores nothing.

test.describe.configure({ timeout: 240_000 });

const STATES = ["CA", "TX", "NY", "FL", "IL", "WY", "AK"];
const LINES = ["professional_liability", "general_liability", "cyber", "property", "crime"];
function csv(rows: number, bad?: number) {
  // Each line with its exposure (engine 2): property rows also carry total insured value.
  const out = ["entity,state,line,revenue,employees,tiv"];
  for (let i = 1; i <= rows; i++) {
    const line = LINES[i % LINES.length];
    out.push(
      `${i === bad ? "bad-row" : `acct-${i}`},${i === bad ? "ZZ" : STATES[i % STATES.length]},${line},${(i % 40) * 2_500_000 + 100_000},${5 + i},${line === "property" ? (i % 20) * 1_000_000 + 500_000 : ""}`,
    );
  }
  return Buffer.from(out.join("\n") + "\n");
}

test("upload 200 profiles, watch progress, open a row's job and trace, export", async ({ page }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Batches" }).click();
  await expect(page).toHaveURL(/\/batches$/);
  await expect(page.getByRole("heading", { level: 1, name: "Batches" })).toBeVisible();

  // A bad row: the report lists it and nothing is stored.
  await page.getByLabel("Profiles file").setInputFiles({ name: "book.csv", mimeType: "text/csv", buffer: csv(200, 17) });
  await page.getByRole("button", { name: "Upload and evaluate" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("1 of 200 rows are invalid; nothing was stored");
  await expect(report.getByTestId("import-problem")).toHaveCount(1);
  await expect(report.getByTestId("import-problem")).toContainText("17");
  await expect(page.getByTestId("batch-row")).toHaveCount(0);
  await expectAccessible(page, "batches: invalid file");
  await screenshot(page, "batches-invalid");

  // The good file: the batch page, its progress moving as rows finish.
  await page.getByLabel("Profiles file").setInputFiles({ name: "book.csv", mimeType: "text/csv", buffer: csv(200) });
  await page.getByRole("button", { name: "Upload and evaluate" }).click();
  await expect(page).toHaveURL(/\/batches\/batch_[0-9A-Za-z]+$/);
  const progress = page.getByTestId("batch-progress");
  await expect(progress).toHaveAttribute("aria-valuemax", "200");
  const seen = new Set<string>();
  await expect(async () => {
    seen.add((await progress.getAttribute("aria-valuenow")) ?? "");
    expect(await progress.getAttribute("aria-valuenow")).toBe("200");
  }).toPass({ timeout: 180_000, intervals: [100] });
  // It moved on the page (more than one value seen without a reload), unless the machine finished 200 rows before the first render.
  expect([...seen].length > 1 || seen.has("200")).toBe(true);
  await expect(page.getByRole("heading", { name: "Completed" })).toBeVisible();
  await expect(page.getByTestId("batch-counts")).toContainText("200 completed");

  const summary = page.getByTestId("batch-summary");
  await expect(summary).toContainText(/\d+ of 200 rows have no strong fit/);
  const rows = page.getByTestId("batch-result-row");
  await expect(rows).toHaveCount(200);
  const noStrong = Number(/(\d+) of 200/.exec((await summary.textContent()) ?? "")![1]);
  // Rows with no strong fit come first.
  if (noStrong > 0 && noStrong < 200) {
    await expect(rows.nth(0)).toContainText(" 0 strong");
    await expect(rows.nth(noStrong)).not.toContainText(" 0 strong");
  }
  await expectAccessible(page, "batch: completed");
  await screenshot(page, "batch-completed");

  // Export: the CSV has a header and one line per row.
  const download = page.waitForEvent("download");
  await page.getByTestId("export-csv").click();
  const file = await (await download).path();
  const text = (await import("node:fs")).readFileSync(file!, "utf8");
  const lines = text.trim().split("\n");
  expect(lines[0]).toMatch(/^row,eval_id,status,entity,/);
  expect(lines).toHaveLength(201);

  // A row's job, then its trace.
  const evalLink = rows.nth(0).getByRole("link");
  const evalId = (await evalLink.textContent())!.trim();
  await evalLink.click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${evalId}$`));
  await page.getByRole("link", { name: /trace/i }).first().click();
  await expect(page).toHaveURL(new RegExp(`/traces/${evalId}$`));
  await expect(page.getByRole("heading", { name: "Inputs" })).toBeVisible();

  // The batch is in the list.
  await page.goto("/batches");
  await expect(page.getByTestId("batch-row")).toHaveCount(1);
  await expect(page.getByTestId("batch-row")).toContainText("Completed");
  await screenshot(page, "batches-list");
});
