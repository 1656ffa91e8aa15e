import { test, expect } from "@playwright/test";
import { newTenant, signedInWithoutPageErrors } from "./helpers";
import { completedJob, expectAccessible, screenshot } from "./page-checks";

// Settings → Pools → Stale data to re-verify (issue #12 item 5): after a few evaluations, the
// carriers in their top places whose appetite data is old; the table agrees with the API, the CSV
// export downloads, and axe passes in both themes.

test.describe.configure({ mode: "serial", timeout: 180_000 });

let tenant: ReturnType<typeof newTenant>;

test.beforeAll(async ({ request }) => {
  tenant = newTenant("admin");
  await completedJob(request, tenant.key);
  await completedJob(request, tenant.key, { profile: { entity: "bayside-dental", state: "CA", line: "professional_liability", revenue: 3_000_000 } });
});

signedInWithoutPageErrors(() => tenant);

interface Stale {
  total: number;
  evaluations: number;
  data: { carrier_id: string; name: string; appearances: number }[];
}

test("the stale list shows what the API counts, pages, exports CSV", async ({ page }) => {
  await page.goto("/settings/pools");
  const panel = page.getByRole("region", { name: "Stale data to re-verify" });
  await panel.getByLabel("Pool").selectOption("carriers:all");
  await panel.getByLabel("Counted when in the top").selectOption("25");
  await panel.getByLabel("At least (evaluations)").fill("1");
  await panel.getByLabel("Stale when verified over").selectOption("180");

  const api = (await (
    await page.request.get("/api/v1/pools/carriers%3Aall/stale-carriers?period_days=90&top=25&min_appearances=1&stale_after_days=180&limit=25")
  ).json()) as Stale;
  expect(api.evaluations).toBe(2);
  expect(api.total).toBeGreaterThan(0);
  await expect(panel.getByTestId("stale-summary")).toContainText(`${api.total} carrier${api.total === 1 ? "" : "s"} to re-verify, from 2 evaluations`);
  await expect(panel.getByTestId("stale-row")).toHaveCount(api.data.length);
  await expect(panel.getByTestId("stale-row").first()).toContainText(api.data[0].name);

  const download = page.waitForEvent("download");
  await panel.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = (await import("node:fs")).readFileSync(file!, "utf8").trim().split("\n");
  expect(csv[0]).toBe("carrier_id,name,last_verified,days_since_verified,appearances,share,first_place,last_seen");
  expect(csv).toHaveLength(api.total + 1);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await panel.scrollIntoViewIfNeeded();
    await expectAccessible(page, `stale list (${scheme})`);
    await screenshot(page, `stale-carriers-${scheme}`);
  }
});
