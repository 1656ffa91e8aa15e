import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { newOrg, newUser, testDb } from "@/tests/setup/db";
import { createApiKey } from "@/lib/keys/api-keys";
import { auth } from "@/lib/auth/auth";
import { addMember } from "@/lib/orgs/members";
import { MemberList, MemberView } from "@/lib/orgs/schemas";
import { CreatedApiKey } from "@/lib/keys/schemas";
import { AuditEventList } from "@/lib/audit/schemas";
import { ListJobsResponse, CreateJobResponse } from "@/lib/jobs/schemas";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { randomBase62 } from "@/lib/ids";
import * as jobs from "@/app/api/v1/jobs/route";
import * as pools from "@/app/api/v1/pools/route";
import * as members from "@/app/api/v1/members/route";
import * as member from "@/app/api/v1/members/[id]/route";
import * as apiKeys from "@/app/api/v1/api-keys/route";
import * as auditEvents from "@/app/api/v1/audit-events/route";
import * as shareLinks from "@/app/api/v1/jobs/[evalId]/share-links/route";
import * as authRoute from "@/app/api/auth/[...all]/route";
import { SEED_BODY } from "@/tests/api/helpers";

// Member lifecycle, scoped and expiring keys, test keys' jobs, and the audit log, through the
// routes as Next.js calls them.

const ORIGIN = "http://localhost:3000";
type Who = { key: string } | { cookie: string } | null;
type Route = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

async function call(
  route: unknown,
  method: string,
  path: string,
  who: Who,
  opts: { body?: unknown; params?: Record<string, string>; contentType?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (who && "key" in who) headers["x-api-key"] = who.key;
  if (who && "cookie" in who) Object.assign(headers, { cookie: who.cookie, origin: ORIGIN });
  if (opts.body !== undefined) headers["content-type"] = opts.contentType ?? "application/json";
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  const res = await (route as Route)(new Request(ORIGIN + path, { method, headers, body }), { params: Promise.resolve((opts.params ?? {}) as never) });
  const text = await res.text();
  return { status: res.status, text, json: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined, headers: res.headers };
}
const ok = <S extends z.ZodType>(res: { status: number; text: string; json: unknown }, status: number, schema: S): z.output<S> => {
  expect(res.status, res.text).toBe(status);
  return schema.parse(res.json);
};
const err = (res: { status: number; text: string; json: unknown }, status: number, code: string) => {
  expect(res.status, res.text).toBe(status);
  expect((res.json as { error: { code: string; details: unknown[] } }).error).toMatchObject({ code, details: expect.any(Array) });
};

async function signIn(email: string, password: string) {
  const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  expect(res.status).toBe(200);
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

let t: Awaited<ReturnType<typeof newOrg>>;
let admin: { cookie: string; email: string };

beforeAll(async () => {
  t = await newOrg("life");
  const a = await newUser(t.org.id, "admin");
  admin = { ...(await signIn(a.email, a.password)), email: a.email };
}, 60_000);

describe("member lifecycle", () => {
  it("an admin-added member must change the password first; then works; role change and removal end their sessions at once", async () => {
    const email = `m-${randomBase62(6).toLowerCase()}@example.test`;
    const added = ok(
      await call(members.POST, "POST", "/api/v1/members", admin, { body: { email, password: "temporary-pass-1", role: "underwriter" } }),
      201,
      MemberView,
    );
    expect(added.must_change_password).toBe(true);
    const m = await signIn(email, "temporary-pass-1");
    err(await call(jobs.GET, "GET", "/api/v1/jobs", m), 403, "forbidden");

    const changed = await auth().api.changePassword({
      body: { currentPassword: "temporary-pass-1", newPassword: "my-own-password-2" },
      headers: new Headers({ cookie: m.cookie }),
      asResponse: true,
    });
    expect(changed.status).toBe(200);
    expect((await call(jobs.GET, "GET", "/api/v1/jobs", m)).status).toBe(200);

    const promoted = ok(
      await call(member.PATCH, "PATCH", `/api/v1/members/${added.id}`, admin, { params: { id: added.id }, body: { role: "admin" } }),
      200,
      MemberView,
    );
    expect(promoted.role).toBe("admin");
    err(await call(jobs.GET, "GET", "/api/v1/jobs", m), 401, "unauthorized");
    const again = await signIn(email, "my-own-password-2");
    expect((await call(members.GET, "GET", "/api/v1/members", again)).status).toBe(200);

    expect((await call(member.DELETE, "DELETE", `/api/v1/members/${added.id}`, admin, { params: { id: added.id } })).status).toBe(204);
    err(await call(jobs.GET, "GET", "/api/v1/jobs", again), 401, "unauthorized");
    expect(await testDb().session.count({ where: { user: { email } } })).toBe(0);
  });

  it("the last admin can be neither demoted nor removed", async () => {
    const o = await newOrg("lastadmin");
    const a = await newUser(o.org.id, "admin");
    const who = await signIn(a.email, a.password);
    const list = ok(await call(members.GET, "GET", "/api/v1/members", who), 200, MemberList);
    const self = list.data.find((x) => x.email === a.email)!;
    err(await call(member.PATCH, "PATCH", `/api/v1/members/${self.id}`, who, { params: { id: self.id }, body: { role: "underwriter" } }), 409, "conflict");
    err(await call(member.DELETE, "DELETE", `/api/v1/members/${self.id}`, who, { params: { id: self.id } }), 409, "conflict");
    expect(await testDb().member.count({ where: { organizationId: o.org.id, role: "admin" } })).toBe(1);
  });

  it("another organization's member is not found; lists are paged", async () => {
    const other = await newOrg("lifeother");
    const u = await newUser(other.org.id, "underwriter");
    const row = await testDb().member.findFirstOrThrow({ where: { userId: u.user.id } });
    err(await call(member.DELETE, "DELETE", `/api/v1/members/${row.id}`, admin, { params: { id: row.id } }), 404, "not_found");
    await newUser(t.org.id, "underwriter");
    const first = ok(await call(members.GET, "GET", "/api/v1/members?limit=1", admin), 200, MemberList);
    expect(first.has_more).toBe(true);
    const second = ok(await call(members.GET, "GET", `/api/v1/members?limit=1&starting_after=${first.data[0].id}`, admin), 200, MemberList);
    expect(second.data[0].id).not.toBe(first.data[0].id);
  });

  it("an add-member racing a sign-up never attaches the other organization's account", async () => {
    const other = await newOrg("raceother");
    const email = `race-${randomBase62(6).toLowerCase()}@example.test`;
    // The check found no account; the account appears (another organization adds it) before the insert.
    const db = testDb();
    const racing = db.$extends({
      query: {
        user: {
          async findUnique({ args, query }) {
            const found = await query(args);
            if (!found && (args.where as { email?: string }).email === email) {
              await newUserWithEmail(other.org.id, email);
            }
            return found;
          },
        },
      },
    }) as unknown as PrismaClient;
    await expect(addMember(racing, t.org.id, { email, password: "temporary-pass-1", role: "admin" })).rejects.toMatchObject({ code: "invalid_request" });
    const account = await db.user.findUniqueOrThrow({ where: { email }, include: { members: true } });
    expect(account.members.map((m) => m.organizationId)).toEqual([other.org.id]);
  });
});

async function newUserWithEmail(organizationId: string, email: string) {
  const { createUser } = await import("@/lib/orgs/organizations");
  await createUser(testDb(), { organizationId, email, password: "someone-elses-1", role: "underwriter" });
}

describe("scoped, expiring keys", () => {
  it("a key without the scope gets 403 in the error shape; with it, the call works; keys made without scopes keep them all", async () => {
    const readOnly = await createApiKey(testDb(), t.org.id, { name: "read", scopes: ["jobs:read"] });
    err(await call(jobs.POST, "POST", "/api/v1/jobs", { key: readOnly.key }, { body: SEED_BODY }), 403, "forbidden");
    err(await call(pools.GET, "GET", "/api/v1/pools", { key: readOnly.key }), 403, "forbidden");
    expect((await call(jobs.GET, "GET", "/api/v1/jobs", { key: readOnly.key })).status).toBe(200);
    // A read-only key reads the job but cannot publish it: share links need shares:manage.
    const evalId = ok(await call(jobs.POST, "POST", "/api/v1/jobs", { key: t.key }, { body: SEED_BODY }), 202, CreateJobResponse).eval_id;
    err(await call(shareLinks.POST, "POST", `/api/v1/jobs/${evalId}/share-links`, { key: readOnly.key }, { body: {}, params: { evalId } }), 403, "forbidden");
    const sharer = await createApiKey(testDb(), t.org.id, { name: "share", scopes: ["jobs:read", "shares:manage"] });
    expect((await call(shareLinks.POST, "POST", `/api/v1/jobs/${evalId}/share-links`, { key: sharer.key }, { body: {}, params: { evalId } })).status).toBe(201);
    expect((await call(jobs.POST, "POST", "/api/v1/jobs", { key: t.key }, { body: SEED_BODY })).status).toBe(202);
    expect((await call(pools.GET, "GET", "/api/v1/pools", { key: t.key })).status).toBe(200);
  });

  it("an expired key is refused (401)", async () => {
    const expired = await createApiKey(testDb(), t.org.id, { name: "old", expiresAt: new Date(Date.now() - 1000) });
    err(await call(jobs.GET, "GET", "/api/v1/jobs", { key: expired.key }), 401, "unauthorized");
  });

  it("the settings API makes keys with scopes and an expiry, and shows them", async () => {
    const created = ok(
      await call(apiKeys.POST, "POST", "/api/v1/api-keys", admin, { body: { name: "ci", scopes: ["jobs:write"], expires_in_days: 30 } }),
      201,
      CreatedApiKey,
    );
    expect(created.scopes).toEqual(["jobs:write"]);
    expect(new Date(created.expires_at!).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    err(await call(jobs.GET, "GET", "/api/v1/jobs", { key: created.key }), 403, "forbidden");
    expect((await call(jobs.POST, "POST", "/api/v1/jobs", { key: created.key }, { body: SEED_BODY })).status).toBe(202);
  });

  it("a test key's jobs are marked and listed apart from live ones", async () => {
    const o = await newOrg("testmode");
    const testKey = await createApiKey(testDb(), o.org.id, { name: "sandbox", test: true });
    const testJob = ok(await call(jobs.POST, "POST", "/api/v1/jobs", { key: testKey.key }, { body: SEED_BODY }), 202, CreateJobResponse).eval_id;
    const liveJob = ok(await call(jobs.POST, "POST", "/api/v1/jobs", { key: o.key }, { body: SEED_BODY }), 202, CreateJobResponse).eval_id;
    expect((await testDb().job.findUniqueOrThrow({ where: { id: testJob } })).livemode).toBe(false);
    const asTest = ok(await call(jobs.GET, "GET", "/api/v1/jobs", { key: testKey.key }), 200, ListJobsResponse);
    const asLive = ok(await call(jobs.GET, "GET", "/api/v1/jobs", { key: o.key }), 200, ListJobsResponse);
    expect(asTest.data.map((j) => j.eval_id)).toEqual([testJob]);
    expect(asLive.data.map((j) => j.eval_id)).toEqual([liveJob]);
    expect(asTest.data[0].livemode).toBe(false);
  });
});

describe("audit log", () => {
  it("records who did what, pages, exports CSV; keys need audit:read, underwriters are refused", async () => {
    const o = await newOrg("audit");
    const a = await newUser(o.org.id, "admin");
    const who = { ...(await signIn(a.email, a.password)) };
    const created = ok(await call(apiKeys.POST, "POST", "/api/v1/api-keys", who, { body: { name: "audited" } }), 201, CreatedApiKey);
    await call(jobs.GET, "GET", "/api/v1/jobs", { key: created.key }); // first use

    const page = ok(await call(auditEvents.GET, "GET", "/api/v1/audit-events?limit=2", who), 200, AuditEventList);
    expect(page.data.map((e) => e.action)).toEqual(["api_key.first_used", "api_key.created"]);
    expect(page.data[1].actor).toMatchObject({ type: "user", label: a.email });
    expect(page.data[0].actor).toMatchObject({ type: "api_key", label: created.prefix });
    expect(page.has_more).toBe(true); // the admin's sign-in
    const rest = ok(await call(auditEvents.GET, "GET", `/api/v1/audit-events?starting_after=${page.data[1].id}`, who), 200, AuditEventList);
    expect(rest.data.map((e) => e.action)).toContain("sign_in.succeeded");
    const filtered = ok(await call(auditEvents.GET, "GET", "/api/v1/audit-events?action=api_key.created", who), 200, AuditEventList);
    expect(filtered.data).toHaveLength(1);

    const csv = await call(auditEvents.GET, "GET", "/api/v1/audit-events?format=csv", who);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\r\n")[0]).toBe("created_at,action,actor_type,actor,client_address,target_type,target_id,before,after");
    expect(csv.text).toContain('"api_key.created"');

    const u = await newUser(o.org.id, "underwriter");
    err(await call(auditEvents.GET, "GET", "/api/v1/audit-events", await signIn(u.email, u.password)), 403, "forbidden");
    const noScope = await createApiKey(testDb(), o.org.id, { scopes: ["jobs:read"] });
    err(await call(auditEvents.GET, "GET", "/api/v1/audit-events", { key: noScope.key }), 403, "forbidden");
    const withScope = await createApiKey(testDb(), o.org.id, { scopes: ["audit:read"] });
    expect((await call(auditEvents.GET, "GET", "/api/v1/audit-events", { key: withScope.key })).status).toBe(200);
    // another organization's log is not visible
    const theirs = ok(await call(auditEvents.GET, "GET", "/api/v1/audit-events", admin), 200, AuditEventList);
    expect(theirs.data.some((e) => e.target?.id === created.id)).toBe(false);
  });

  it("records failed sign-ins of a known account", async () => {
    const o = await newOrg("auditfail");
    const a = await newUser(o.org.id, "admin");
    const res = await auth().api.signInEmail({ body: { email: a.email, password: "wrong-password" }, asResponse: true });
    expect(res.status).toBe(401);
    expect(await testDb().auditEvent.count({ where: { organizationId: o.org.id, action: "sign_in.failed", actorLabel: a.email } })).toBe(1);
  });

  it("is append-only: the database refuses UPDATE and DELETE, whatever the path", async () => {
    const db = testDb();
    const row = await db.auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { actorLabel: "someone else" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE audit_events SET action = 'x' WHERE organization_id = $1`, t.org.id)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM audit_events WHERE organization_id = $1`, t.org.id)).rejects.toThrow(/append-only/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).actorLabel).toBe(row.actorLabel);
  });
});

describe("auth bodies", () => {
  it("a body over 16 KiB to /api/auth/* is refused with 413 before better-auth reads it", async () => {
    const res = await call(authRoute.POST, "POST", "/api/auth/sign-in/email", null, { body: { email: "a@b.test", password: "x".repeat(20_000) } });
    err(res, 413, "payload_too_large");
  });
});
