import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { newOrg, newUser, testDb } from "@/tests/setup/db";
import { auth } from "@/lib/auth/auth";
import { addMember } from "@/lib/orgs/members";
import { createShareLink } from "@/lib/share/links";
import { newId, randomBase62 } from "@/lib/ids";
import { CreateJobResponse } from "@/lib/jobs/schemas";
import { SEED_BODY } from "@/tests/api/helpers";
import * as jobs from "@/app/api/v1/jobs/route";
import * as members from "@/app/api/v1/members/route";
import * as apiKeys from "@/app/api/v1/api-keys/route";
import * as auditEvents from "@/app/api/v1/audit-events/route";
import * as batches from "@/app/api/v1/batches/route";
import * as shareLinks from "@/app/api/v1/jobs/[evalId]/share-links/route";
import * as deliveries from "@/app/api/v1/jobs/[evalId]/deliveries/route";

// The paging contract of every list the dashboard reads with "Load more" (components/ui/paged.tsx):
// `limit` rows after `starting_after`, `has_more` until the last page. Walking the pages with a
// small limit reaches every row exactly once, in the list's order, and the last page says so.

const ORIGIN = "http://localhost:3000";
type Who = { key: string } | { cookie: string };
type Route = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
const PageShape = z.object({ data: z.array(z.record(z.string(), z.unknown())), has_more: z.boolean() });

async function get(route: unknown, path: string, who: Who, params: Record<string, string> = {}) {
  const headers: Record<string, string> = "key" in who ? { "x-api-key": who.key } : { cookie: who.cookie, origin: ORIGIN };
  const res = await (route as { GET: Route }).GET(new Request(ORIGIN + path, { headers }), { params: Promise.resolve(params as never) });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return PageShape.parse(JSON.parse(text));
}

/** Every page of a list, `limit` rows at a time: the ids in order, and how many pages it took. */
async function walk(route: unknown, path: string, who: Who, opts: { limit: number; params?: Record<string, string>; id?: string }) {
  const idField = opts.id ?? "id";
  const ids: string[] = [];
  let pages = 0;
  for (let after = ""; ;) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await get(route, `${path}${sep}limit=${opts.limit}${after ? `&starting_after=${after}` : ""}`, who, opts.params);
    pages++;
    expect(page.data.length).toBeLessThanOrEqual(opts.limit);
    ids.push(...page.data.map((r) => String(r[idField])));
    if (!page.has_more) break;
    expect(page.data).toHaveLength(opts.limit);
    after = ids.at(-1)!;
    expect(pages).toBeLessThan(50);
  }
  return { ids, pages };
}

async function signIn(email: string, password: string) {
  const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

let t: Awaited<ReturnType<typeof newOrg>>;
let admin: { cookie: string };
let evalId: string;

beforeAll(async () => {
  t = await newOrg("paging");
  const a = await newUser(t.org.id, "admin");
  admin = { cookie: await signIn(a.email, a.password) };
  const res = await jobs.POST(
    new Request(`${ORIGIN}/api/v1/jobs`, {
      method: "POST",
      headers: { "x-api-key": t.key, "content-type": "application/json" },
      body: JSON.stringify(SEED_BODY),
    }),
    { params: Promise.resolve({} as never) },
  );
  evalId = CreateJobResponse.parse(await res.json()).eval_id;
}, 60_000);

describe("every paged list reaches its last row", () => {
  it("members: 5 of them, 2 at a time", async () => {
    for (let i = 0; i < 4; i++)
      await addMember(testDb(), t.org.id, { email: `m${i}-${randomBase62(6).toLowerCase()}@example.test`, password: "temporary-pw", role: "underwriter" });
    const all = await get(members, "/api/v1/members?limit=100", admin);
    const { ids, pages } = await walk(members, "/api/v1/members", admin, { limit: 2 });
    expect(ids).toHaveLength(5);
    expect(pages).toBe(3);
    expect(ids).toEqual(all.data.map((m) => m.id));
  });

  it("API keys and the audit events their creation records", async () => {
    for (let i = 0; i < 4; i++) {
      const res = await (apiKeys as unknown as { POST: Route }).POST(
        new Request(`${ORIGIN}/api/v1/api-keys`, {
          method: "POST",
          headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/json" },
          body: JSON.stringify({ name: `key ${i}` }),
        }),
        { params: Promise.resolve({} as never) },
      );
      expect(res.status).toBe(201);
    }
    const keys = await walk(apiKeys, "/api/v1/api-keys", admin, { limit: 2 });
    expect(keys.ids).toHaveLength(5); // newOrg's key and these 4
    expect(new Set(keys.ids).size).toBe(5);
    expect(keys.ids).toEqual((await get(apiKeys, "/api/v1/api-keys?limit=100", admin)).data.map((k) => k.id));

    const all = (await get(auditEvents, "/api/v1/audit-events?limit=200", admin)).data.map((e) => e.id);
    expect(all.length).toBeGreaterThanOrEqual(5); // the admin's sign-in and 4 keys created
    const events = await walk(auditEvents, "/api/v1/audit-events", admin, { limit: 2 });
    expect(events.ids).toEqual(all);
    const filtered = await walk(auditEvents, "/api/v1/audit-events?action=api_key.created", admin, { limit: 3 });
    expect(filtered.ids).toHaveLength(4);
    expect(filtered.pages).toBe(2);
  });

  it("a job's share links and its deliveries", async () => {
    for (let i = 0; i < 5; i++) await createShareLink(testDb(), t.org.id, evalId, { expiresInDays: 7 });
    const links = await walk(shareLinks, `/api/v1/jobs/${evalId}/share-links`, { key: t.key }, { limit: 2, params: { evalId } });
    expect(links.ids).toHaveLength(5);
    expect(links.pages).toBe(3);
    expect(new Set(links.ids).size).toBe(5);

    const job = await testDb().job.findUniqueOrThrow({ where: { id: evalId }, select: { id: true } });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = await testDb().webhookDelivery.create({
        data: {
          id: newId("dlv"),
          organizationId: t.org.id,
          jobId: job.id,
          webhookId: `msg_${randomBase62(16)}`,
          url: "https://receiver.example/hook",
          status: "failed",
          manual: i > 0,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        },
      });
      made.push(d.id);
    }
    const list = await walk(deliveries, `/api/v1/jobs/${evalId}/deliveries`, { key: t.key }, { limit: 2, params: { evalId } });
    expect(list.ids).toEqual(made); // oldest first
    expect(list.pages).toBe(3);
  });

  it("batches, by batch_id", async () => {
    const csv = "entity,state,line,revenue,employees\nacct-1,CA,professional_liability,1000000,10\n";
    for (let i = 0; i < 3; i++) {
      const res = await batches.POST(
        new Request(`${ORIGIN}/api/v1/batches?pool=carriers:all`, { method: "POST", headers: { "x-api-key": t.key, "content-type": "text/csv" }, body: csv }),
        { params: Promise.resolve({} as never) },
      );
      expect(res.status).toBe(202);
    }
    const list = await walk(batches, "/api/v1/batches", { key: t.key }, { limit: 2, id: "batch_id" });
    expect(list.ids).toHaveLength(3);
    expect(list.pages).toBe(2);
    expect(new Set(list.ids).size).toBe(3);
  });
});
