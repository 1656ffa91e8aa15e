import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { testDb } from "@/tests/setup/db";
import { createOrganization, createUser } from "@/lib/orgs/organizations";
import { createApiKey } from "@/lib/keys/api-keys";
import { newId, newEvalId, randomBase62 } from "@/lib/ids";
import { auth } from "@/lib/auth/auth";
import { resolveShareToken } from "@/lib/share/links";
import { ApiKeyList, CreatedApiKey } from "@/lib/keys/schemas";
import { MemberList, MemberView } from "@/lib/orgs/schemas";
import { CreatedShareLink, ShareLinkList } from "@/lib/share/schemas";
import { WebhookSecretView } from "@/lib/webhooks/schemas";
import * as apiKeys from "@/app/api/v1/api-keys/route";
import * as apiKey from "@/app/api/v1/api-keys/[id]/route";
import * as webhookSecret from "@/app/api/v1/webhook-secret/route";
import * as members from "@/app/api/v1/members/route";
import * as shareLinks from "@/app/api/v1/jobs/[evalId]/share-links/route";
import * as shareLink from "@/app/api/v1/share-links/[id]/route";

// The settings and share-link routes, called as Next.js calls them: a Request and a params
// promise. Settings are for signed-in admins only; share links for anyone of the organization.

/** BASE_URL as vitest.config.ts sets it: the origin of share URLs and of same-origin writes. */
const ORIGIN = "http://localhost:3000";
type Route = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
type Who = { key: string } | { cookie: string };

function call(
  route: unknown,
  method: string,
  path: string,
  who: Who | null,
  opts: { body?: unknown; params?: Record<string, string>; contentType?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (who && "key" in who) headers["x-api-key"] = who.key;
  if (who && "cookie" in who) Object.assign(headers, { cookie: who.cookie, origin: ORIGIN });
  if (opts.body !== undefined) headers["content-type"] = opts.contentType ?? "application/json";
  const req = new Request(ORIGIN + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
  return (route as Route)(req, { params: Promise.resolve((opts.params ?? {}) as never) });
}

async function expectOk<S extends z.ZodType>(res: Response, status: number, schema: S): Promise<z.output<S>> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return schema.parse(JSON.parse(text));
}

async function expectError(res: Response, status: number, code: string) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  return body.error as { code: string; message: string; details: { path: string; code: string; message: string }[] };
}

async function sessionCookie(email: string, password: string): Promise<string> {
  const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function tenant(label: string) {
  const db = testDb();
  const org = await createOrganization(db, `${label}-${randomBase62(8).toLowerCase()}`, `Test ${label}`);
  const key = await createApiKey(db, org.id, { name: "test" });
  const person = async (role: "admin" | "underwriter") => {
    const email = `${role}-${randomBase62(8).toLowerCase()}@example.test`;
    const password = `pw-${randomBase62(12)}`;
    await createUser(db, { organizationId: org.id, email, password, role });
    return { email, password, cookie: await sessionCookie(email, password) };
  };
  return { org, key: key.key, keyId: key.id, admin: await person("admin"), underwriter: await person("underwriter") };
}

/** A job row on a private one-candidate pool: share links need a job, not an evaluation. */
async function jobFor(organizationId: string) {
  const db = testDb();
  const poolId = newId("pool");
  const versionId = newId("pv");
  await db.pool.create({ data: { id: poolId, key: `test:${randomBase62(10)}`, organizationId, domain: "carriers", name: "Test pool" } });
  await db.poolVersion.create({ data: { id: versionId, poolId, version: 1, size: 1, checksum: "x", candidates: [] } });
  const job = await db.job.create({
    data: { id: newEvalId(), organizationId, poolId, poolVersionId: versionId, poolKey: "test", profile: { entity: "acme" }, entity: "acme" },
  });
  return job.id;
}

let a: Awaited<ReturnType<typeof tenant>>;
let b: Awaited<ReturnType<typeof tenant>>;
beforeAll(async () => {
  [a, b] = await Promise.all([tenant("a"), tenant("b")]);
});

describe("settings routes refuse anyone but a signed-in admin", () => {
  const cases: [string, unknown, string, string, { body?: unknown; params?: Record<string, string> }?][] = [
    ["GET /api/v1/api-keys", apiKeys.GET, "GET", "/api/v1/api-keys"],
    ["POST /api/v1/api-keys", apiKeys.POST, "POST", "/api/v1/api-keys", { body: { name: "x" } }],
    ["DELETE /api/v1/api-keys/{id}", apiKey.DELETE, "DELETE", "/api/v1/api-keys/key", { params: { id: "key_00000000000000000000" } }],
    ["GET /api/v1/webhook-secret", webhookSecret.GET, "GET", "/api/v1/webhook-secret"],
    ["POST /api/v1/webhook-secret", webhookSecret.POST, "POST", "/api/v1/webhook-secret"],
    ["GET /api/v1/members", members.GET, "GET", "/api/v1/members"],
    ["POST /api/v1/members", members.POST, "POST", "/api/v1/members", { body: { email: "x@example.test", password: "long-enough", role: "admin" } }],
  ];
  it.each(cases)("%s: API key → 403, underwriter → 403, nobody → 401", async (_name, route, method, path, opts) => {
    await expectError(await call(route, method, path, { key: a.key }, opts), 403, "forbidden");
    await expectError(await call(route, method, path, { cookie: a.underwriter.cookie }, opts), 403, "forbidden");
    await expectError(await call(route, method, path, null, opts), 401, "unauthorized");
  });

  it("a session write from another origin is refused", async () => {
    const req = new Request(`${ORIGIN}/api/v1/webhook-secret`, { method: "POST", headers: { cookie: a.admin.cookie, origin: "https://evil.example" } });
    await expectError(await (webhookSecret.POST as Route)(req, { params: Promise.resolve({} as never) }), 403, "forbidden");
  });
});

describe("API keys", () => {
  it("creates a key shown once, lists it without the secret, and revoking it locks it out", async () => {
    const admin = { cookie: a.admin.cookie };
    const created = await expectOk(await call(apiKeys.POST, "POST", "/api/v1/api-keys", admin, { body: { name: "CI", mode: "test" } }), 201, CreatedApiKey);
    expect(created.key).toMatch(/^nx_test_[0-9A-Za-z]{32}$/);
    expect(created).toMatchObject({ name: "CI", mode: "test", prefix: created.key.slice(0, 12), revoked_at: null, last_used_at: null });

    const list = await expectOk(await call(apiKeys.GET, "GET", "/api/v1/api-keys", admin), 200, ApiKeyList);
    const listed = list.data.find((k) => k.id === created.id);
    expect(listed).toBeTruthy();
    expect(JSON.stringify(list)).not.toContain(created.key);
    expect(list.data.every((k) => !("hash" in k))).toBe(true);

    // The new key authenticates (the unknown job is 404, not 401), until it is revoked.
    expect((await call(shareLinks.GET, "GET", "/api/v1/jobs/x/share-links", { key: created.key }, { params: { evalId: "eval_00000000" } })).status).toBe(404);
    expect((await call(apiKey.DELETE, "DELETE", `/api/v1/api-keys/${created.id}`, admin, { params: { id: created.id } })).status).toBe(204);
    await expectError(
      await call(shareLinks.GET, "GET", "/api/v1/jobs/x/share-links", { key: created.key }, { params: { evalId: "eval_00000000" } }),
      401,
      "unauthorized",
    );
    // Revoking twice is fine; the list shows when.
    expect((await call(apiKey.DELETE, "DELETE", `/api/v1/api-keys/${created.id}`, admin, { params: { id: created.id } })).status).toBe(204);
    const after = await expectOk(await call(apiKeys.GET, "GET", "/api/v1/api-keys", admin), 200, ApiKeyList);
    expect(after.data.find((k) => k.id === created.id)?.revoked_at).not.toBeNull();
  });

  it("another organization's key, or an id that cannot exist, is 404", async () => {
    const admin = { cookie: a.admin.cookie };
    await expectError(await call(apiKey.DELETE, "DELETE", "/x", admin, { params: { id: b.keyId } }), 404, "not_found");
    await expectError(await call(apiKey.DELETE, "DELETE", "/x", admin, { params: { id: "nope" } }), 404, "not_found");
    const bKeys = await expectOk(await call(apiKeys.GET, "GET", "/api/v1/api-keys", { cookie: b.admin.cookie }), 200, ApiKeyList);
    expect(bKeys.data.find((k) => k.id === b.keyId)?.revoked_at).toBeNull();
  });

  const invalidBodies: [string, unknown, string][] = [
    ["missing name", {}, "name"],
    ["blank name", { name: "  " }, "name"],
    ["unknown mode", { name: "x", mode: "prod" }, "mode"],
    ["unknown field", { name: "x", colour: "blue" }, ""],
  ];
  it.each(invalidBodies)("400 for %s", async (_label, body, path) => {
    const err = await expectError(await call(apiKeys.POST, "POST", "/api/v1/api-keys", { cookie: a.admin.cookie }, { body }), 400, "invalid_request");
    expect(err.details.map((d) => d.path)).toContain(path);
  });

  it("415 for a body that is not JSON", async () => {
    await expectError(
      await call(apiKeys.POST, "POST", "/api/v1/api-keys", { cookie: a.admin.cookie }, { body: "name=x", contentType: "application/x-www-form-urlencoded" }),
      415,
      "unsupported_media_type",
    );
  });
});

describe("webhook signing secret", () => {
  it("reveals the secret, and rotating replaces it with the old one valid for 24 h more", async () => {
    const admin = { cookie: a.admin.cookie };
    const before = await expectOk(await call(webhookSecret.GET, "GET", "/api/v1/webhook-secret", admin), 200, WebhookSecretView);
    expect(before.secret).toMatch(/^whsec_/);
    expect(before.previous_valid_until).toBeNull();

    const rotated = await expectOk(await call(webhookSecret.POST, "POST", "/api/v1/webhook-secret", admin), 200, WebhookSecretView);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(before.secret);
    const overlap = Date.parse(rotated.previous_valid_until!) - Date.parse(rotated.rotated_at!);
    expect(overlap).toBe(24 * 3600 * 1000);

    const again = await expectOk(await call(webhookSecret.GET, "GET", "/api/v1/webhook-secret", admin), 200, WebhookSecretView);
    expect(again.secret).toBe(rotated.secret);
    // The other organization's secret is untouched.
    const other = await expectOk(await call(webhookSecret.GET, "GET", "/api/v1/webhook-secret", { cookie: b.admin.cookie }), 200, WebhookSecretView);
    expect(other.secret).not.toBe(rotated.secret);
  });
});

describe("members", () => {
  it("lists the organization's members only, and adds one who can sign in", async () => {
    const admin = { cookie: a.admin.cookie };
    const list = await expectOk(await call(members.GET, "GET", "/api/v1/members", admin), 200, MemberList);
    expect(list.data.map((m) => m.email).sort()).toEqual([a.admin.email, a.underwriter.email].sort());

    const email = `New-${randomBase62(6)}@Example.test`;
    const added = await expectOk(
      await call(members.POST, "POST", "/api/v1/members", admin, { body: { email, password: "temporary-pw-1", role: "underwriter", name: "Nia Park" } }),
      201,
      MemberView,
    );
    expect(added).toMatchObject({ email: email.toLowerCase(), role: "underwriter", name: "Nia Park" });
    expect(await sessionCookie(email.toLowerCase(), "temporary-pw-1")).toContain("session_token");

    const after = await expectOk(await call(members.GET, "GET", "/api/v1/members", admin), 200, MemberList);
    expect(after.data.map((m) => m.email)).toContain(email.toLowerCase());

    const dup = await expectError(
      await call(members.POST, "POST", "/api/v1/members", admin, { body: { email, password: "another-pw-22", role: "admin" } }),
      400,
      "invalid_request",
    );
    expect(dup.details[0]).toMatchObject({ path: "email", code: "already_exists" });
    // A person of another organization is not attached silently either.
    await expectError(
      await call(members.POST, "POST", "/api/v1/members", admin, { body: { email: b.admin.email, password: "another-pw-22", role: "admin" } }),
      400,
      "invalid_request",
    );
  });

  const invalidBodies: [string, unknown, string][] = [
    ["missing email", { password: "long-enough", role: "admin" }, "email"],
    ["bad email", { email: "not-an-email", password: "long-enough", role: "admin" }, "email"],
    ["short password", { email: "x@example.test", password: "short", role: "admin" }, "password"],
    ["unknown role", { email: "x@example.test", password: "long-enough", role: "owner" }, "role"],
    ["missing role", { email: "x@example.test", password: "long-enough" }, "role"],
  ];
  it.each(invalidBodies)("400 for %s", async (_label, body, path) => {
    const err = await expectError(await call(members.POST, "POST", "/api/v1/members", { cookie: a.admin.cookie }, { body }), 400, "invalid_request");
    expect(err.details.map((d) => d.path)).toContain(path);
  });
});

describe("share links", () => {
  it("any principal of the organization creates, lists and revokes; the token resolves until revoked", async () => {
    const evalId = await jobFor(a.org.id);
    for (const who of [{ key: a.key }, { cookie: a.underwriter.cookie }]) {
      const created = await expectOk(
        await call(shareLinks.POST, "POST", "/x", who, { params: { evalId }, body: { expires_in_days: 30 } }),
        201,
        CreatedShareLink,
      );
      expect(created.url).toBe(`${ORIGIN}/share/${created.token}`);
      const days = (Date.parse(created.expires_at) - Date.parse(created.created_at)) / 86_400_000;
      expect(days).toBeCloseTo(30, 3);
      expect(await resolveShareToken(testDb(), created.token)).toEqual({ organizationId: a.org.id, evalId });

      const list = await expectOk(await call(shareLinks.GET, "GET", "/x", who, { params: { evalId } }), 200, ShareLinkList);
      expect(list.data.find((l) => l.id === created.id)).toMatchObject({ active: true, revoked_at: null });
      expect(JSON.stringify(list)).not.toContain(created.token);

      expect((await call(shareLink.DELETE, "DELETE", "/x", who, { params: { id: created.id } })).status).toBe(204);
      expect(await resolveShareToken(testDb(), created.token)).toBeNull();
      await expectError(await call(shareLink.DELETE, "DELETE", "/x", who, { params: { id: created.id } }), 404, "not_found");
      const after = await expectOk(await call(shareLinks.GET, "GET", "/x", who, { params: { evalId } }), 200, ShareLinkList);
      expect(after.data.find((l) => l.id === created.id)).toMatchObject({ active: false });
    }
  });

  it("defaults to 7 days", async () => {
    const evalId = await jobFor(a.org.id);
    const created = await expectOk(await call(shareLinks.POST, "POST", "/x", { key: a.key }, { params: { evalId }, body: {} }), 201, CreatedShareLink);
    expect((Date.parse(created.expires_at) - Date.parse(created.created_at)) / 86_400_000).toBeCloseTo(7, 3);
  });

  it("another organization's job or link is 404", async () => {
    const evalId = await jobFor(a.org.id);
    const created = await expectOk(
      await call(shareLinks.POST, "POST", "/x", { key: a.key }, { params: { evalId }, body: { expires_in_days: 1 } }),
      201,
      CreatedShareLink,
    );
    await expectError(await call(shareLinks.POST, "POST", "/x", { key: b.key }, { params: { evalId }, body: { expires_in_days: 1 } }), 404, "not_found");
    await expectError(await call(shareLinks.GET, "GET", "/x", { key: b.key }, { params: { evalId } }), 404, "not_found");
    await expectError(await call(shareLink.DELETE, "DELETE", "/x", { key: b.key }, { params: { id: created.id } }), 404, "not_found");
    await expectError(await call(shareLinks.GET, "GET", "/x", { key: a.key }, { params: { evalId: "not-an-id" } }), 404, "not_found");
    expect(await resolveShareToken(testDb(), created.token)).not.toBeNull();
  });

  const invalidBodies: [string, unknown][] = [
    ["an expiry that is not offered", { expires_in_days: 5 }],
    ["a fractional expiry", { expires_in_days: 1.5 }],
    ["an unknown field", { expires_in_days: 1, public: true }],
  ];
  it.each(invalidBodies)("400 for %s", async (_label, body) => {
    const evalId = await jobFor(a.org.id);
    await expectError(await call(shareLinks.POST, "POST", "/x", { key: a.key }, { params: { evalId }, body }), 400, "invalid_request");
  });
});
