import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Checks the trace and settings specs share: accessibility, screenshots, a completed evaluation.

/** No serious or critical axe violations on the page as it is now; the failure lists what and where. */
/** No serious or critical axe violation on the page (optionally leaving out `exclude`, or only `tags`). */
export async function expectAccessible(page: Page, label: string, opts: { exclude?: string; tags?: string[] } = {}) {
  let axe = new AxeBuilder({ page });
  if (opts.exclude) axe = axe.exclude(opts.exclude);
  if (opts.tags) axe = axe.withTags(opts.tags);
  const { violations } = await axe.analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
  expect(bad, `axe on ${label}`).toEqual([]);
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

export const SEED_PROFILE = { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 };

/** Submit the seed profile on carriers:all with an API key and wait (polling) until it completes. */
export async function completedJob(request: APIRequestContext, key: string, extra: Record<string, unknown> = {}) {
  const headers = { "X-API-Key": key };
  const res = await request.post("/api/v1/jobs", { headers, data: { profile: SEED_PROFILE, pool: "carriers:all", ...extra } });
  expect(res.status(), await res.text()).toBe(202);
  const { eval_id } = (await res.json()) as { eval_id: string };
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/jobs/${eval_id}`, { headers })).json()) as { status: string }).status, {
      timeout: 60_000,
      intervals: [200, 500, 1000],
    })
    .toBe("completed");
  return eval_id;
}
