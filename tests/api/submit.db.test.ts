import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { CreateJobResponse } from "@/lib/jobs/schemas";
import { revokeApiKey } from "@/lib/keys/api-keys";
import { testDb, newOrg } from "@/tests/setup/db";
import { call, countJobs, expectError, parsed, SEED_BODY, PROVIDER_BODY, bodyOfSize, streamOf } from "@/tests/api/helpers";

// POST /api/v1/jobs against the seed page's contract: the exact curl body is accepted, every kind
// of bad request is refused in the error shape, and nothing is stored for a refused request.

let org: Awaited<ReturnType<typeof newOrg>>;
beforeAll(async () => {
  org = await newOrg("submit");
});

const post = (body: unknown, opts: { key?: string | null; headers?: Record<string, string> } = {}) =>
  call(POST, "/api/v1/jobs", { key: opts.key === undefined ? org.key : opts.key, headers: opts.headers, body });

describe("POST /api/v1/jobs accepts the seed's request", () => {
  it("answers 202 {eval_id, status: queued} with a Location, and the row is committed before the answer", async () => {
    const before = await countJobs(org.org.id);
    const res = await post(SEED_BODY);
    expect(res.status, res.text).toBe(202);
    const body = parsed(CreateJobResponse, res);
    expect(body.status).toBe("queued");
    expect(body.eval_id).toMatch(/^eval_[0-9A-Za-z]+$/);
    expect(Object.keys(res.json as object).sort()).toEqual(["eval_id", "status"]);
    expect(res.headers.get("location")).toMatch(new RegExp(`^https?://[^/]+/api/v1/jobs/${body.eval_id}$`));

    // A different connection than the handler's sees the row at once: it was committed.
    const row = await testDb().job.findUnique({ where: { id: body.eval_id } });
    expect(row).toMatchObject({
      organizationId: org.org.id,
      poolKey: "carriers:all",
      status: "queued",
      entity: "acme-manufacturing",
      webhookUrl: SEED_BODY.webhook_url,
    });
    expect(row!.profile).toEqual(SEED_BODY.profile);
    expect(await countJobs(org.org.id)).toBe(before + 1);
  });

  it("accepts a webhook host that does not resolve (delivery checks it again) and no webhook at all", async () => {
    const unresolvable = await post({ ...SEED_BODY, webhook_url: "https://nexio-test-host.invalid/hook" });
    expect(unresolvable.status, unresolvable.text).toBe(202);
    const { webhook_url: _omit, ...noHook } = SEED_BODY;
    const none = await post(noHook);
    expect(none.status, none.text).toBe(202);
  });

  it("accepts application/json with parameters and application/*+json", async () => {
    for (const type of ["application/json; charset=utf-8", "Application/JSON", "application/vnd.nexio+json"]) {
      const res = await post(JSON.stringify(SEED_BODY), { headers: { "content-type": type } });
      expect(res.status, `${type}: ${res.text}`).toBe(202);
    }
  });

  it("accepts each demo pool with a profile of its domain", async () => {
    for (const body of [{ ...SEED_BODY, pool: "carriers:tier1" }, PROVIDER_BODY]) {
      const res = await post(body);
      expect(res.status, res.text).toBe(202);
      parsed(CreateJobResponse, res);
    }
  });

  it("gives every job its own eval_id", async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => post(SEED_BODY).then((r) => parsed(CreateJobResponse, r).eval_id)));
    expect(new Set(ids).size).toBe(8);
  });
});

describe("POST /api/v1/jobs authentication", () => {
  it.each([
    ["missing", null],
    ["unknown", "nx_live_0000000000000000000000000000000000"],
    ["malformed", "not-a-key"],
    ["oversized", `nx_live_${"a".repeat(300)}`],
  ])("%s key → 401 unauthorized, nothing stored", async (_label, key) => {
    const before = await countJobs(org.org.id);
    expectError(await post(SEED_BODY, { key }), 401, "unauthorized");
    expect(await countJobs(org.org.id)).toBe(before);
  });

  it("revoked key → 401 unauthorized", async () => {
    const other = await newOrg("revoked");
    expect((await post(SEED_BODY, { key: other.key })).status).toBe(202);
    await revokeApiKey(testDb(), other.org.id, other.keyId);
    const before = await countJobs(other.org.id);
    expectError(await post(SEED_BODY, { key: other.key }), 401, "unauthorized");
    expect(await countJobs(other.org.id)).toBe(before);
  });
});

describe("POST /api/v1/jobs refuses bad requests in the error shape and stores nothing", () => {
  const valid = SEED_BODY;
  const profile = SEED_BODY.profile;
  const over = 64 * 1024 + 1;

  type Case = [label: string, status: number, code: string, body: unknown, headers?: Record<string, string>];
  const cases: Case[] = [
    ["text/plain", 415, "unsupported_media_type", JSON.stringify(valid), { "content-type": "text/plain" }],
    ["no content type", 415, "unsupported_media_type", new TextEncoder().encode(JSON.stringify(valid)), { "content-type": "" }],
    ["form encoded", 415, "unsupported_media_type", "profile=x&pool=carriers:all", { "content-type": "application/x-www-form-urlencoded" }],
    ["body over 64 KiB with Content-Length", 413, "payload_too_large", bodyOfSize(over), { "content-length": String(over) }],
    ["body over 64 KiB streamed without Content-Length", 413, "payload_too_large", streamOf(bodyOfSize(over))],
    ["malformed JSON", 400, "invalid_request", '{"profile": {"entity": "acme",}'],
    ["empty body", 400, "invalid_request", ""],
    ["a JSON array", 400, "invalid_request", [valid]],
    ["a JSON string", 400, "invalid_request", JSON.stringify("hello")],
    ["JSON null", 400, "invalid_request", "null"],
    ["missing pool", 400, "invalid_request", { profile }],
    ["missing profile", 400, "invalid_request", { pool: "carriers:all" }],
    ["profile not an object", 400, "invalid_request", { ...valid, profile: "acme" }],
    ["pool not a string", 400, "invalid_request", { ...valid, pool: 7 }],
    ["unknown top-level field", 400, "invalid_request", { ...valid, priority: "high" }],
    ["unknown pool", 400, "invalid_request", { ...valid, pool: "carriers:nope" }],
    ["bad state", 400, "invalid_request", { ...valid, profile: { ...profile, state: "XX" } }],
    ["negative revenue", 400, "invalid_request", { ...valid, profile: { ...profile, revenue: -1 } }],
    ["revenue as a string", 400, "invalid_request", { ...valid, profile: { ...profile, revenue: "12M" } }],
    ["unknown line", 400, "invalid_request", { ...valid, profile: { ...profile, line: "pet_insurance" } }],
    ["unknown profile field", 400, "invalid_request", { ...valid, profile: { ...profile, favourite_colour: "blue" } }],
    ["carrier profile for a provider pool", 400, "invalid_request", { ...valid, pool: "providers:network" }],
    ["entity too long", 400, "invalid_request", { ...valid, profile: { ...profile, entity: "x".repeat(5000) } }],
    ["webhook http://", 400, "invalid_request", { ...valid, webhook_url: "http://your-app.com/hooks/nexio" }],
    ["webhook loopback literal", 400, "invalid_request", { ...valid, webhook_url: "https://127.0.0.1/x" }],
    ["webhook private literal", 400, "invalid_request", { ...valid, webhook_url: "https://10.0.0.1" }],
    ["webhook cloud metadata", 400, "invalid_request", { ...valid, webhook_url: "https://169.254.169.254/latest/meta-data" }],
    ["webhook IPv6 loopback", 400, "invalid_request", { ...valid, webhook_url: "https://[::1]/x" }],
    ["webhook decimal IPv4 for loopback", 400, "invalid_request", { ...valid, webhook_url: "https://2130706433/x" }],
    ["webhook localhost", 400, "invalid_request", { ...valid, webhook_url: "https://localhost/x" }],
    ["webhook userinfo trick", 400, "invalid_request", { ...valid, webhook_url: "https://your-app.com@127.0.0.1/x" }],
    ["webhook credentials", 400, "invalid_request", { ...valid, webhook_url: "https://user:pw@your-app.com/x" }],
    ["webhook not a URL", 400, "invalid_request", { ...valid, webhook_url: "your-app.com/hooks" }],
    ["webhook not a string", 400, "invalid_request", { ...valid, webhook_url: 42 }],
    ["webhook over 2048 characters", 400, "invalid_request", { ...valid, webhook_url: `https://your-app.com/${"a".repeat(2100)}` }],
    ["Idempotency-Key with spaces", 400, "invalid_request", valid, { "idempotency-key": "two words" }],
    ["Idempotency-Key over 255 characters", 400, "invalid_request", valid, { "idempotency-key": "k".repeat(256) }],
    ["JSON nested 20,000 levels deep", 400, "invalid_request", `{"profile":${"[".repeat(20_000)}${"]".repeat(20_000)},"pool":"carriers:all"}`],
    [
      "NUL character in the entity (PostgreSQL cannot store it)",
      400,
      "invalid_request",
      '{"profile":{"entity":"acme\\u0000","state":"CA","line":"cyber","revenue":1},"pool":"carriers:all"}',
    ],
    [
      "unpaired surrogate in the entity",
      400,
      "invalid_request",
      '{"profile":{"entity":"acme\\ud800","state":"CA","line":"cyber","revenue":1},"pool":"carriers:all"}',
    ],
    ["NUL character in the pool", 400, "invalid_request", '{"profile":{"entity":"acme","state":"CA","line":"cyber","revenue":1},"pool":"carriers:all\\u0000"}'],
    [
      "profile nested deeply in an unknown field",
      400,
      "invalid_request",
      `{"profile":{"entity":"a","x":${'{"a":'.repeat(8000)}1${"}".repeat(8000)}},"pool":"carriers:all"}`,
    ],
  ];

  it.each(cases)("%s → %i %s", async (_label, status, code, body, headers) => {
    const before = await countJobs(org.org.id);
    const res = await post(body, { headers });
    expectError(res, status, code);
    expect(await countJobs(org.org.id)).toBe(before);
  });

  it("a missing profile.entity is named in the seed's exact words", async () => {
    const { entity: _e, ...rest } = SEED_BODY.profile;
    const err = expectError(await post({ ...SEED_BODY, profile: rest }), 400, "invalid_request");
    expect(err.message).toBe("Missing required field: profile.entity");
    expect(err.details).toEqual([expect.objectContaining({ path: "profile.entity" })]);
  });

  it("NAICS must be a 2022 code: a 2017 retail code is refused naming its successor, an impossible sector too", async () => {
    const before = await countJobs(org.org.id);
    const old = expectError(await post({ ...SEED_BODY, profile: { ...SEED_BODY.profile, naics: "453991" } }), 400, "invalid_request");
    expect(old.message).toBe("Invalid value for profile.naics: 453991 is a NAICS 2017 code: retail subsector 453 was renumbered in NAICS 2022; use 459991");
    expect(old.details).toEqual([expect.objectContaining({ path: "profile.naics" })]);
    const retail = expectError(await post({ ...SEED_BODY, profile: { ...SEED_BODY.profile, naics: "448140" } }), 400, "invalid_request");
    expect(retail.message).toContain("448140 is a NAICS 2017 code");
    const sector = expectError(await post({ ...SEED_BODY, profile: { ...SEED_BODY.profile, naics: "991234" } }), 400, "invalid_request");
    expect(sector.message).toContain("99 is not a sector");
    expect(await countJobs(org.org.id)).toBe(before);
    for (const naics of ["459991", "456110", "541511", "923120"])
      expect((await post({ ...SEED_BODY, profile: { ...SEED_BODY.profile, naics } })).status).toBe(202);
  });

  it("an unknown pool is named in the message", async () => {
    const err = expectError(await post({ ...SEED_BODY, pool: "carriers:nope" }), 400, "invalid_request");
    expect(err.message).toContain("carriers:nope");
    expect(err.details.map((d) => d.path)).toEqual(["pool"]);
  });

  it("several problems: details lists every one with its path", async () => {
    const err = expectError(
      await post({
        profile: { state: "XX", line: "professional_liability", revenue: -5, colour: "red" },
        pool: "carriers:all",
        webhook_url: "http://10.0.0.1/x",
      }),
      400,
      "invalid_request",
    );
    const paths = err.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["profile.entity", "profile.state", "profile.revenue", "profile", "webhook_url"]));
    expect(err.details.find((d) => d.path === "profile")!.message).toContain("profile.colour");
    expect(err.message).toBe(err.details[0].message);
    for (const d of err.details) expect(d.message.length).toBeGreaterThan(0);
  });

  it("problems in the envelope and in the profile are reported together", async () => {
    const err = expectError(await post({ profile: { state: "CA" }, pool: "carriers:all", priority: "high" }), 400, "invalid_request");
    // Without a line there is no exposure to require yet (engine 2: it depends on the line).
    expect(err.details.map((d) => d.path)).toEqual(expect.arrayContaining(["", "profile.entity", "profile.line"]));
  });

  it("no message reveals internals, whatever the input", async () => {
    const nasty = [
      { ...SEED_BODY, pool: "'; DROP TABLE jobs; --" },
      { ...SEED_BODY, pool: "x".repeat(101) },
      { ...SEED_BODY, profile: { ...SEED_BODY.profile, entity: { $ne: null } } },
      { ...SEED_BODY, profile: { ...SEED_BODY.profile, revenue: 1e309 } },
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"profile":${JSON.stringify(SEED_BODY.profile)},"pool":"carriers:all"}`,
    ];
    for (const body of nasty) {
      const res = await post(body);
      expectError(res, 400, "invalid_request");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
