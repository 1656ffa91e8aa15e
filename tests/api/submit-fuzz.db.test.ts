import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST, GET as LIST } from "@/app/api/v1/jobs/route";
import { getDomain } from "@/lib/engine";
import { CreateJobBody, CreateJobResponse, ErrorResponse, ListJobsResponse } from "@/lib/jobs/schemas";
import { listPools } from "@/lib/pools/pools";
import { checkWebhookUrlAtSubmission } from "@/lib/webhooks/ssrf";
import { resetSettingsForTests } from "@/lib/settings";
import { resetRateLimitsForTests } from "@/lib/api/rate-limit";
import { testDb, newOrg } from "@/tests/setup/db";
import { call, countJobs, expectNoLeak, SEED_BODY, PROVIDER_BODY, type Called } from "@/tests/api/helpers";

// Property: whatever arrives at POST /api/v1/jobs (random JSON, mutations of valid bodies, huge
// strings, deep nesting, odd content types, odd Idempotency-Keys), the answer is never a 5xx,
// every non-2xx is the error shape, and a job is created exactly when the body is one the pool's
// domain schema accepts. The oracle below restates the contract independently of the handler's
// control flow, using the same published schemas.

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const MAX_BYTES = 64 * 1024;

let org: Awaited<ReturnType<typeof newOrg>>;
let poolDomains: Map<string, string>;
const savedLimit = process.env.RATE_LIMIT_PER_MINUTE;

beforeAll(async () => {
  process.env.RATE_LIMIT_PER_MINUTE = "1000000"; // the property is about validation, not the limiter
  resetSettingsForTests();
  resetRateLimitsForTests();
  org = await newOrg("fuzz");
  poolDomains = new Map((await listPools(testDb(), org.org.id)).map((p) => [p.id, p.domain]));
});
afterAll(() => {
  if (savedLimit === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
  else process.env.RATE_LIMIT_PER_MINUTE = savedLimit;
  resetSettingsForTests();
  resetRateLimitsForTests();
});

// ---------- generators ----------

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const BASES: Record<string, unknown>[] = [
  SEED_BODY,
  {
    ...SEED_BODY,
    pool: "carriers:tier1",
    profile: {
      ...SEED_BODY.profile,
      naics: "541511",
      employees: 40,
      years_in_business: 12,
      prior_claims: 0,
      requested_limit: 2000000,
      deductible: 10000,
      effective_date: "2027-01-01",
    },
  },
  { profile: SEED_BODY.profile, pool: "carriers:all" },
  PROVIDER_BODY,
  { ...PROVIDER_BODY, profile: { ...PROVIDER_BODY.profile, language: "es", age_group: "geriatric" }, webhook_url: "https://93.184.216.34/hooks" },
];

const PROFILE_FIELDS = [
  "entity",
  "state",
  "line",
  "revenue",
  "naics",
  "employees",
  "years_in_business",
  "prior_claims",
  "requested_limit",
  "deductible",
  "effective_date",
  "specialty",
  "zip",
  "plan",
  "urgency",
  "language",
  "age_group",
];
const INTERESTING = [
  "CA",
  "NY",
  "DC",
  "XX",
  "ca",
  "",
  " ",
  "professional_liability",
  "cyber",
  "pet_insurance",
  "541511",
  "54151",
  "2026-06-01",
  "2026-02-30",
  "cardiology",
  "cascade_ppo",
  "routine",
  "urgent",
  "en",
  "adult",
  "94110",
  "9411",
  0,
  -1,
  1e12,
  1e12 + 1,
  12000000,
  2.5,
  -0.5,
  true,
  false,
  null,
  [],
  {},
  "acme-manufacturing",
  "  padded  ",
  "\u0000",
  "\ud83d\ude00",
  "\ud800",
  "a\u0000b",
  "<script>alert(1)</script>",
  "'; DROP TABLE jobs; --",
  "${jndi:ldap://x}",
  "__proto__",
];
const WEBHOOKS = [
  "https://your-app.com/hooks/nexio",
  "https://93.184.216.34/hook",
  "https://nexio-fuzz.invalid/x",
  "http://your-app.com/x",
  "https://127.0.0.1/x",
  "https://10.0.0.1",
  "https://your-app.com@127.0.0.1/x",
  "https://user:pw@your-app.com/x",
  "https://[::1]/",
  "https://0x7f000001/",
  "https://localhost/",
  "ftp://your-app.com/x",
  "not a url",
  "",
  "https://your-app.com:99999/",
  "javascript:alert(1)",
  `https://your-app.com/${"p".repeat(2100)}`,
];
const POOLS = ["carriers:all", "carriers:tier1", "providers:network", "carriers:nope", "", "CARRIERS:ALL", " carriers:all", "providers", "x".repeat(101)];

const nested = (depth: number, leaf: string) => "[".repeat(depth) + leaf + "]".repeat(depth);

/** Values as JSON text fragments, so deep nesting can be larger than JSON.stringify can build. */
const valueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INTERESTING).map((v) => JSON.stringify(v)) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 2_000_000_000_000 }).map(String) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: "grapheme" }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.integer({ min: 150, max: 70_000 }).map((n) => JSON.stringify("x".repeat(n))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30_000 }).map((d) => nested(d, "1")) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12_000 }).map((d) => '{"a":'.repeat(d) + "null" + "}".repeat(d)) },
);

type Mutation = { op: "drop"; path: readonly string[] } | { op: "set"; path: readonly string[]; value: string };
const marker = (i: number) => `@@FUZZ${i}@@`;

const profilePath = fc.oneof(fc.constantFrom(...PROFILE_FIELDS), fc.string({ minLength: 1, maxLength: 12 })).map((k) => ["profile", k]);
const topPath = fc.oneof(fc.constantFrom("profile", "pool", "webhook_url"), fc.string({ minLength: 1, maxLength: 12 })).map((k) => [k]);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), path: fc.oneof(profilePath, topPath) }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant("set" as const), path: fc.oneof(profilePath, topPath), value: valueText }) },
  fc.record({ op: fc.constant("set" as const), path: fc.constant(["webhook_url"]), value: fc.constantFrom(...WEBHOOKS).map((v) => JSON.stringify(v)) }),
  fc.record({ op: fc.constant("set" as const), path: fc.constant(["pool"]), value: fc.constantFrom(...POOLS).map((v) => JSON.stringify(v)) }),
);

/** Apply mutations to a copy of the base; values are spliced in as text (see valueText). */
function mutate(base: Record<string, unknown>, mutations: Mutation[]): string {
  const copy = structuredClone(base) as Record<string, unknown>;
  const values: string[] = [];
  // own properties only (defineProperty): a generated "__proto__" key must be data, not a prototype
  const define = (o: Record<string, unknown>, k: string, value: unknown) =>
    Object.defineProperty(o, k, { value, enumerable: true, configurable: true, writable: true });
  for (const m of mutations) {
    let parent: Record<string, unknown> = copy;
    for (const k of m.path.slice(0, -1)) {
      const next = Object.hasOwn(parent, k) ? parent[k] : undefined;
      if (!isPlainObject(next)) define(parent, k, {});
      parent = Object.getOwnPropertyDescriptor(parent, k)!.value;
    }
    const last = m.path.at(-1)!;
    if (m.op === "drop") delete parent[last];
    else {
      define(parent, last, marker(values.length));
      values.push(m.value);
    }
  }
  return JSON.stringify(copy).replace(/"@@FUZZ(\d+)@@"/g, (_, i) => values[Number(i)]);
}

const bodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...BASES), fc.array(mutation, { maxLength: 4 })).map(([b, ms]) => mutate(b, ms)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...BASES), fc.nat()).map(([b, n]) => {
      const t = JSON.stringify(b);
      return t.slice(0, n % t.length);
    }),
  },
);

const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "application/problem+json",
      "application/vnd.api+json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonx",
      "json",
      "application/json;",
      "text/json",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }) },
);

const apiKey = fc.oneof(
  { weight: 20, arbitrary: fc.constant("valid") },
  fc.constantFrom("missing", "nx_live_0000000000000000000000000000000000", "garbage", "nx_test_"),
);

const idempotency = fc.option(
  fc.record({
    prefix: fc.string({ maxLength: 300, unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
    retry: fc.constantFrom("none", "same", "different"),
  }),
  { nil: undefined, freq: 2 },
);

// ---------- the oracle ----------

function jsonType(ct: string) {
  const t = ct.split(";")[0].trim().toLowerCase();
  return t === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(t);
}

// The oracle asks the SSRF guard itself (DNS included) once per distinct URL.
const webhookVerdicts = new Map<string, Promise<boolean>>();
function webhookAccepted(url: string) {
  if (!webhookVerdicts.has(url))
    webhookVerdicts.set(
      url,
      checkWebhookUrlAtSubmission(url, { allowPrivate: false }).then((r) => r.ok),
    );
  return webhookVerdicts.get(url)!;
}

/** The status the contract requires, and the profile a 202 must store. */
async function expected(text: string, ct: string, key: string, idem: string | undefined): Promise<{ status: number; profile?: unknown }> {
  if (key !== "valid") return { status: 401 };
  if (!jsonType(ct)) return { status: 415 };
  if (Buffer.byteLength(text) > MAX_BYTES) return { status: 413 };
  let body: unknown;
  try {
    // what the server decodes: UTF-8 on the wire turns lone surrogates into U+FFFD
    body = JSON.parse(new TextDecoder().decode(new TextEncoder().encode(text)));
  } catch {
    return { status: 400 };
  }
  if (idem !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idem)) return { status: 400 };
  if (!isPlainObject(body) || !CreateJobBody.safeParse(body).success) return { status: 400 };
  const domainId = poolDomains.get(body.pool as string);
  if (!domainId) return { status: 400 };
  const domain = getDomain(domainId)!;
  const profile = domain.profileSchema.safeParse(body.profile);
  if (!profile.success) return { status: 400 };
  // Checks against the submission time (engine 2: an effective date more than 30 days past).
  if (domain.checkAtSubmission && domain.checkAtSubmission(profile.data, new Date().toISOString()).length > 0) return { status: 400 };
  if (body.webhook_url !== undefined && !(await webhookAccepted(body.webhook_url as string))) return { status: 400 };
  // PostgreSQL stores neither NUL nor unpaired surrogates (even as JSON escapes): refused up front
  if (!storable(body)) return { status: 400 };
  return { status: 202, profile: profile.data };
}

/** Every string and key is well-formed Unicode without NUL (only reached for shallow, valid bodies). */
function storable(v: unknown): boolean {
  const ok = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s) && !s.includes("\u0000");
  if (typeof v === "string") return ok(v);
  if (Array.isArray(v)) return v.every(storable);
  if (isPlainObject(v)) return Object.entries(v).every(([k, x]) => ok(k) && storable(x));
  return true;
}

function checkShape(res: Called) {
  expect(res.status, res.text.slice(0, 500)).toBeLessThan(500);
  if (res.status === 202) return CreateJobResponse.parse(res.json);
  const err = ErrorResponse.safeParse(res.json);
  expect(err.success, `not the error shape: ${res.text.slice(0, 300)}`).toBe(true);
  expectNoLeak(err.data!.error.message);
  for (const d of err.data!.error.details) expectNoLeak(d.message);
  return null;
}

// ---------- the property ----------

describe("POST /api/v1/jobs under random input", () => {
  it(`${RUNS} random and mutated requests: no 5xx, always the error shape, a job only for a valid body`, async () => {
    let run = 0;
    const tally = new Map<number, number>();
    // the organization's job count after the last run that passed (recounted after a failing one)
    let known: number | undefined;
    await fc.assert(
      fc.asyncProperty(bodyText, contentType, apiKey, idempotency, async (text, ct, keyKind, idem) => {
        run++;
        const headers: Record<string, string> = { "content-type": ct };
        // The header as the server will see it: Headers trims surrounding whitespace.
        const idemKey = idem ? `${idem.prefix}#${run}-${Date.now()}`.replace(/^[ \t]+|[ \t]+$/g, "") : undefined;
        if (idemKey !== undefined) headers["idempotency-key"] = idemKey;
        const key = keyKind === "valid" ? org.key : keyKind === "missing" ? null : keyKind;

        const want = await expected(text, ct, keyKind, idemKey);
        const before = known ?? (await countJobs(org.org.id));
        known = undefined;
        // Invalid keys from one address are limited (lib/api/invalid-keys.ts); this oracle is about validation.
        resetRateLimitsForTests();
        const res = await call(POST, "/api/v1/jobs", { key, body: text, headers });
        tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
        const created = checkShape(res);
        expect(res.status, `${text.slice(0, 300)} [${ct}] → ${res.text.slice(0, 300)}`).toBe(want.status);
        const after = before + (res.status === 202 ? 1 : 0);
        expect(await countJobs(org.org.id)).toBe(after);
        if (created) {
          const row = await testDb().job.findUniqueOrThrow({ where: { id: created.eval_id }, select: { profile: true, organizationId: true } });
          expect(row.organizationId).toBe(org.org.id);
          expect(row.profile).toEqual(want.profile);
        }

        let final = after;
        if (idemKey !== undefined && idem!.retry !== "none") {
          const again = idem!.retry === "same" ? text : mutate(BASES[0], [{ op: "set", path: ["profile", "entity"], value: JSON.stringify(`other-${run}`) }]);
          const second = await call(POST, "/api/v1/jobs", { key, body: again, headers });
          checkShape(second);
          if (res.status === 202) {
            // a retry: the first answer again, or a conflict for another body; never a second job
            if (idem!.retry === "same") expect((second.json as { eval_id: string }).eval_id).toBe(created!.eval_id);
            else expect(second.status).toBe(409);
          } else if (second.status === 202) final++; // the key was not used up by the refused request
          expect(await countJobs(org.org.id)).toBe(final);
        }
        known = final;
      }),
      { numRuns: RUNS, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
    // the generators must reach every outcome, or the property proves little
    for (const status of [202, 400, 401, 413, 415])
      expect(tally.get(status) ?? 0, `responses with ${status}: ${JSON.stringify([...tally])}`).toBeGreaterThan(0);
    expect(tally.get(202)!, JSON.stringify([...tally])).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});

describe("GET /api/v1/jobs under random query strings", () => {
  const param = fc.tuple(
    fc.oneof(fc.constantFrom("limit", "starting_after", "status", "pool", "q", "created_gte", "created_lte"), fc.string({ maxLength: 8 })),
    fc.oneof(
      fc.constantFrom(
        "0",
        "1",
        "10",
        "100",
        "101",
        "-1",
        "1e2",
        "0x10",
        "queued",
        "failed",
        "carriers:all",
        "2026-01-01",
        "2026-01-01T00:00:00Z",
        "",
        "\u0000",
        "eval_0000000000000000",
      ),
      fc.string({ maxLength: 30 }),
      fc.string({ maxLength: 300, unit: "binary" }),
    ),
  );
  it("300 random queries: 200 with the list schema or 400 in the error shape, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(param, { maxLength: 5 }), async (params) => {
        const qs = new URLSearchParams(params).toString();
        const res = await call(LIST, `/api/v1/jobs?${qs}`, { key: org.key });
        expect([200, 400], `?${qs} → ${res.text.slice(0, 300)}`).toContain(res.status);
        if (res.status === 200) ListJobsResponse.parse(res.json);
        else checkShape(res);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
