import fs from "node:fs";
import path from "node:path";
import { test, expect } from "@playwright/test";
import { newTenant, signIn } from "./helpers";
import { expectAccessible, screenshot } from "./page-checks";

// Settings → Pools: an admin imports a CSV through the page; an invalid file shows the per-row
// report and stores nothing, a valid one becomes version 1 and shows up in the list.

test.describe.configure({ timeout: 120_000 });

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../tests/fixtures", name));

test("an admin imports a pool from CSV: the invalid file's report, then a valid import", async ({ page, request }) => {
  const t = newTenant("admin");
  await signIn(page, t.email, t.password);
  await page.goto("/settings/api-keys");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Pools" }).click();
  await expect(page).toHaveURL(/\/settings\/pools$/);
  await expect(page.getByTestId("pool-row").filter({ hasText: "carriers:all" })).toContainText("Shared demo");

  // The form checks the name before sending anything.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByLabel("Pool name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("File", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Pool name").fill("preferred");
  await page.getByLabel("Domain").selectOption("carriers");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "carriers.csv", mimeType: "text/csv", buffer: fixture("carriers-invalid.csv") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("3 of 3 rows are invalid; nothing was imported");
  await expect(report.getByTestId("import-problem")).toHaveCount(4);
  await expect(report.getByTestId("import-problem").first()).toContainText("am_best_rating");
  await expect(page.getByTestId("pool-row").filter({ hasText: `${t.slug}:preferred` })).toHaveCount(0);
  await expectAccessible(page, "settings: pools (invalid file)");
  await screenshot(page, "pools-invalid");

  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "carriers.csv", mimeType: "text/csv", buffer: fixture("carriers-small.csv") });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText(`Version 1 of ${t.slug}:preferred: 3 candidates imported`);
  await expect(report).toHaveCount(0);
  const row = page.getByTestId("pool-row").filter({ hasText: `${t.slug}:preferred` });
  await expect(row).toContainText("Your organization");
  await expect(row).toContainText("v1");
  await expectAccessible(page, "settings: pools");
  await screenshot(page, "pools");

  // The imported pool takes evaluations at once, over the API.
  const job = await request.post("/api/v1/jobs", {
    headers: { "X-API-Key": t.key },
    data: { profile: { entity: "acme", state: "CA", line: "professional_liability", revenue: 12_000_000 }, pool: `${t.slug}:preferred` },
  });
  expect(job.status(), await job.text()).toBe(202);

  // The API reference documents the import, with the file's JSON shape.
  await page.goto("/docs/api");
  const section = page.locator("section#importPool");
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("Import a CSV or JSON file as a new version of one of the organization's pools");
  await expect(section.getByRole("table", { name: /Request body/ })).toContainText("candidates");
});
