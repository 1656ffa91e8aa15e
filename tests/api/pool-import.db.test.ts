import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as POOLS, POST as IMPORT } from "@/app/api/v1/pools/route";
import { POST as SUBMIT } from "@/app/api/v1/jobs/route";
import { GET as GET_JOB } from "@/app/api/v1/jobs/[evalId]/route";
import { auth } from "@/lib/auth/auth";
import { CreateJobResponse, JobResponse, ListPoolsResponse } from "@/lib/jobs/schemas";
import { ImportPoolResponse } from "@/lib/pools/schemas";
import { POOL_IMPORT_LIMITS, parsePoolFile } from "@/lib/pools/import";
import { getDomain } from "@/lib/engine";
import { newOrg, newUser, testDb } from "@/tests/setup/db";
import { BASE, call, completeJobNow, expectError, parsed, SEED_BODY } from "@/tests/api/helpers";

// POST /api/v1/pools: an organization imports its own pool from CSV or JSON. Versions, the
// all-or-nothing report, who may import, isolation, and an evaluation on the imported pool.

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures", name), "utf8");
const CSV = fixture("carriers-small.csv");
const csv = { "content-type": "text/csv" };

type Org = Awaited<ReturnType<typeof newOrg>>;
const importAs = (o: Org, query: string, body: string, headers: Record<string, string> = csv) =>
  call(IMPORT, `/api/v1/pools?${query}`, { key: o.key, body, headers });
const versions = (key: string) => testDb().poolVersion.findMany({ where: { pool: { key } }, orderBy: { version: "asc" } });

/** A pool of `o`'s own, imported from CSV as version 1: each test that needs one makes its own. */
async function ownPool(o: Org, name: string) {
  expect((await importAs(o, `name=${name}&domain=carriers`, CSV)).status).toBe(201);
  return `${o.org.slug}:${name}`;
}

let a: Org;
let b: Org;
beforeAll(async () => {
  a = await newOrg("imp-a");
  b = await newOrg("imp-b");
}, 120_000);

describe("POST /api/v1/pools", () => {
  it("imports CSV as version 1 (201); the same data again adds no version (200); changed data makes version 2", async () => {
    const id = `${a.org.slug}:preferred`;
    const first = parsed(ImportPoolResponse, await importAs(a, "name=preferred&domain=carriers", CSV));
    expect(first).toMatchObject({ id, domain: "carriers", version: 1, size: 3, created: true, new_version: true, rows: 3, report: { valid: 3, invalid: 0 } });

    const again = await importAs(a, "name=preferred", CSV);
    expect(again.status).toBe(200);
    expect(parsed(ImportPoolResponse, again)).toMatchObject({
      version: 1,
      created: false,
      new_version: false,
      message: expect.stringContaining("no new version"),
    });

    // the same candidates as JSON, fields in another order, are the same data
    const candidates = (parsePoolFile(getDomain("carriers")!.candidateSchema, "csv", CSV) as { candidates: object[] }).candidates;
    const asJson = JSON.stringify(candidates.map((c) => Object.fromEntries(Object.entries(c).reverse())));
    expect(parsed(ImportPoolResponse, await importAs(a, `pool=${id}`, asJson, { "content-type": "application/json" }))).toMatchObject({
      version: 1,
      new_version: false,
    });

    const changed = CSV.replace("Harborlight Casualty Company", "Harborlight Casualty Co.");
    const second = await importAs(a, "name=preferred", changed);
    expect(second.status).toBe(200);
    expect(parsed(ImportPoolResponse, second)).toMatchObject({ version: 2, size: 3, created: false, new_version: true });

    const stored = await versions(id);
    expect(stored.map((v) => [v.version, v.size, v.source])).toEqual([
      [1, 3, "import:csv"],
      [2, 3, "import:csv"],
    ]);
    const pool = await testDb().pool.findUniqueOrThrow({ where: { key: id } });
    expect(pool.organizationId).toBe(a.org.id);
    expect(pool.currentVersionId).toBe(stored[1].id);
  });

  it("imports JSON ({candidates: [...]}) into a new providers pool", async () => {
    const providers = [
      {
        id: "p1",
        name: "Mission Clinic",
        npi: "1234567890",
        specialty: "cardiology",
        state: "CA",
        zip: "94110",
        networks: [{ plan: "cascade_ppo", tier: 1, prior_auth: false }],
      },
    ];
    const res = await importAs(a, "name=clinics&domain=providers", JSON.stringify({ candidates: providers }), { "content-type": "application/json" });
    expect(res.status).toBe(201);
    expect(parsed(ImportPoolResponse, res)).toMatchObject({ id: `${a.org.slug}:clinics`, domain: "providers", version: 1, size: 1 });
  });

  it("refuses a file with invalid rows: 400 with every problem by row and field, and stores nothing", async () => {
    const err = expectError(await importAs(a, "name=broken&domain=carriers", fixture("carriers-invalid.csv")), 400, "invalid_request");
    expect(err.message).toMatch(/^3 of 3 rows are invalid; nothing was imported/);
    expect(err.details.map((d) => `${d.path} ${d.code}`)).toEqual([
      "rows[1].am_best_rating invalid_value",
      "rows[2].admitted_states.1 invalid_value",
      "rows[2].placement.hit_ratio too_big",
      "rows[3].id duplicate_id",
    ]);
    expect(await testDb().pool.count({ where: { key: `${a.org.slug}:broken` } })).toBe(0);

    // into an existing pool: the current version stays
    const existing = await ownPool(a, "kept");
    expectError(await importAs(a, "name=kept", fixture("carriers-invalid.csv")), 400, "invalid_request");
    expect((await versions(existing)).map((v) => v.version)).toEqual([1]);
  });

  it(`lists at most ${POOL_IMPORT_LIMITS.maxDetails} problems and says how many more`, async () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({
      id: `c${i}`,
      name: `C ${i}`,
      market_type: "admitted",
      admitted_states: ["CA"],
      surplus_lines_states: [],
      lines: {},
      am_best_rating: "Z",
    }));
    const err = expectError(
      await importAs(a, "name=many&domain=carriers", JSON.stringify(rows), { "content-type": "application/json" }),
      400,
      "invalid_request",
    );
    expect(err.details).toHaveLength(POOL_IMPORT_LIMITS.maxDetails + 1);
    expect(err.details.at(-1)).toMatchObject({ path: "rows", code: "too_many_problems", message: "50 more problems not listed" });
  });

  it.each([
    ["no name", "domain=carriers", csv, 400, "invalid_request"],
    ["a bad name", "name=Not_OK&domain=carriers", csv, 400, "invalid_request"],
    ["both name and pool", "name=x&pool=y:x&domain=carriers", csv, 400, "invalid_request"],
    ["an unknown domain", "name=x&domain=boats", csv, 400, "invalid_request"],
    ["a new pool without domain", "name=brand-new", csv, 400, "invalid_request"],
    ["an unknown query field", "name=x&domain=carriers&mode=append", csv, 400, "invalid_request"],
    ["a form body", "name=x&domain=carriers", { "content-type": "application/x-www-form-urlencoded" }, 415, "unsupported_media_type"],
    ["the shared demo pool", "pool=carriers:all", csv, 403, "forbidden"],
  ])("refuses %s", async (_what, query, headers, status, code) => {
    expectError(await importAs(a, query, CSV, headers), status, code);
  });

  it("refuses a body over the limit from its Content-Length", async () => {
    const res = await call(IMPORT, "/api/v1/pools?name=big&domain=carriers", {
      key: a.key,
      body: CSV,
      headers: { ...csv, "content-length": String(POOL_IMPORT_LIMITS.maxBytes + 1) },
    });
    expectError(res, 413, "payload_too_large");
  });

  it("changing a pool's domain is refused", async () => {
    await ownPool(a, "carriers-only");
    const err = expectError(await importAs(a, "name=carriers-only&domain=providers", CSV), 400, "invalid_request");
    expect(err.details[0]).toMatchObject({ path: "domain", code: "domain_mismatch" });
  });

  it("another organization can neither see, import into, nor evaluate against the pool", async () => {
    const id = await ownPool(a, "private");
    const bPools = parsed(ListPoolsResponse, await call(POOLS, "/api/v1/pools", { key: b.key })).data.map((p) => p.id);
    expect(bPools).not.toContain(id);
    expectError(await importAs(b, `pool=${id}`, CSV), 404, "not_found");
    const err = expectError(await call(SUBMIT, "/api/v1/jobs", { key: b.key, body: { ...SEED_BODY, pool: id } }), 400, "invalid_request");
    expect(err.details).toContainEqual(expect.objectContaining({ path: "pool", code: "unknown_pool" }));
    expect((await versions(id)).map((v) => v.version)).toEqual([1]);
  });

  it("admins signed in may import; underwriters may not", async () => {
    const signIn = async (role: "admin" | "underwriter") => {
      const { email, password } = await newUser(a.org.id, role);
      const res = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
      return {
        cookie: res.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
        origin: BASE,
      };
    };
    const byUnderwriter = await call(IMPORT, "/api/v1/pools?name=by-session&domain=carriers", {
      body: CSV,
      headers: { ...csv, ...(await signIn("underwriter")) },
    });
    expectError(byUnderwriter, 403, "forbidden");
    const byAdmin = await call(IMPORT, "/api/v1/pools?name=by-session&domain=carriers", { body: CSV, headers: { ...csv, ...(await signIn("admin")) } });
    expect(byAdmin.status, byAdmin.text).toBe(201);
  });
});

describe("evaluating against an imported pool", () => {
  it("is listed, accepts jobs at once (no stale pool cache), and the job records the version it used", async () => {
    const id = `${a.org.slug}:eval-pool`;
    const submit = async () =>
      parsed(CreateJobResponse, await call(SUBMIT, "/api/v1/jobs", { key: a.key, body: { ...SEED_BODY, pool: id, webhook_url: undefined } })).eval_id;
    const job = async (evalId: string) => parsed(JobResponse, await call(GET_JOB, `/api/v1/jobs/${evalId}`, { key: a.key, params: { evalId } }));

    // Asked for before it exists: the 404 is cached for a few seconds; the import must clear it.
    expectError(await call(SUBMIT, "/api/v1/jobs", { key: a.key, body: { ...SEED_BODY, pool: id } }), 400, "invalid_request");
    parsed(ImportPoolResponse, await importAs(a, "name=eval-pool&domain=carriers", CSV));
    const listed = parsed(ListPoolsResponse, await call(POOLS, "/api/v1/pools", { key: a.key })).data.find((p) => p.id === id);
    expect(listed).toMatchObject({ domain: "carriers", size: 3, version: 1, shared: false });

    const onV1 = await submit();
    parsed(ImportPoolResponse, await importAs(a, "name=eval-pool", CSV.replace(/^acme_03.*\n/m, "")));
    const onV2 = await submit();
    await completeJobNow(onV1);
    await completeJobNow(onV2);

    const [r1, r2] = [await job(onV1), await job(onV2)];
    expect(r1).toMatchObject({ status: "completed", pool: id, pool_version: 1, pool_size: 3 });
    expect(r2).toMatchObject({ status: "completed", pool: id, pool_version: 2, pool_size: 2 });
    // acme_01 writes professional liability for a CA business of this size: it is ranked
    expect(r1.candidates!.map((c) => c.id)).toContain("acme_01");
    const rows = await testDb().job.findMany({ where: { id: { in: [onV1, onV2] } }, select: { id: true, poolVersion: { select: { version: true } } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.poolVersion.version]))).toEqual({ [onV1]: 1, [onV2]: 2 });
  });
});
