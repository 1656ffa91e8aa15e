import { test, expect, type APIResponse } from "@playwright/test";
import { newTenant } from "./helpers";
import { completedJob } from "./page-checks";

// A share link's token is in the URL of the page and of the JSON it offers (/api/traces/{id}?token=,
// or /traces/{id}?token= with Accept: application/json). Every one of those responses must keep
// the token from leaking onward, being indexed or cached, in the production server, where
// next.config.mjs's headers apply too (and win over a route handler's own).

test.describe.configure({ timeout: 120_000 });

function expectShareHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-robots-tag"]).toContain("noindex");
  expect(h["cache-control"]).toContain("no-store");
}

test("share-link page and its JSON carry no-referrer, noindex and no-store", async ({ request }) => {
  const tenant = newTenant("admin");
  const evalId = await completedJob(request, tenant.key);
  const created = await request.post(`/api/v1/jobs/${evalId}/share-links`, { headers: { "X-API-Key": tenant.key }, data: { expires_in_days: 1 } });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const q = `token=${encodeURIComponent(token)}`;

  const page = await request.get(`/share/${token}`);
  expect(page.status()).toBe(200);
  expectShareHeaders(page);

  for (const [url, headers] of [
    [`/api/traces/${evalId}?${q}`, {}],
    [`/traces/${evalId}?${q}`, { Accept: "application/json" }],
  ] as const) {
    const res = await request.get(url, { headers });
    expect(res.status(), url).toBe(200);
    expect(((await res.json()) as { eval_id: string }).eval_id).toBe(evalId);
    expectShareHeaders(res);
  }

  // A wrong token answers 404 with the same headers.
  const wrong = await request.get(`/api/traces/${evalId}?token=${"A".repeat(43)}`);
  expect(wrong.status()).toBe(404);
  expectShareHeaders(wrong);
});
