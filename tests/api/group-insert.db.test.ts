import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { insertJob } from "@/lib/jobs/group-insert";
import { newEvalId } from "@/lib/ids";
import { testDb, newOrg } from "@/tests/setup/db";
import { call, SEED_BODY } from "@/tests/api/helpers";

// Concurrent submissions are committed together (one multi-row INSERT per batch), each request
// still answering only after its own row is stored, and a row that cannot be stored fails alone.

let org: Awaited<ReturnType<typeof newOrg>>;
beforeAll(async () => {
  org = await newOrg("group");
});

describe("group commit of job rows", () => {
  it("60 concurrent submissions: 60 distinct jobs, each stored with its own profile, in fewer statements than rows", async () => {
    const n = 60;
    const responses = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        call(POST, "/api/v1/jobs", { key: org.key, body: { ...SEED_BODY, profile: { ...SEED_BODY.profile, entity: `group-${i}` } } }),
      ),
    );
    for (const r of responses) expect(r.status, r.text).toBe(202);
    const ids = responses.map((r) => (r.json as { eval_id: string }).eval_id);
    expect(new Set(ids).size).toBe(n);

    const rows = await testDb().job.findMany({ where: { id: { in: ids } }, select: { id: true, entity: true, profile: true, createdAt: true } });
    expect(rows).toHaveLength(n);
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      expect(byId.get(id)!.entity).toBe(`group-${i}`);
      expect((byId.get(id)!.profile as { entity: string }).entity).toBe(`group-${i}`);
    });
    // Rows of one statement share its transaction's now(): fewer distinct timestamps than rows
    // means some rows went together.
    const statements = new Set(rows.map((r) => r.createdAt.getTime())).size;
    expect(statements).toBeLessThan(n);
  });

  it("a row that cannot be stored fails only its own insert; the rest of its batch is committed", async () => {
    const db = testDb();
    const pool = await db.pool.findFirstOrThrow({ where: { key: "carriers:all" } });
    const row = (entity: string, id = newEvalId()) => ({
      id,
      organizationId: org.org.id,
      poolId: pool.id,
      poolVersionId: pool.currentVersionId!,
      poolKey: pool.key,
      profile: { entity },
      entity,
    });
    const taken = newEvalId();
    await insertJob(db, row("first", taken));

    const rows = [row("a"), row("b"), row("duplicate", taken), row("c")];
    const outcomes = await Promise.allSettled(rows.map((r) => insertJob(db, r)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    const stored = await db.job.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, entity: true } });
    expect(stored.map((s) => s.entity).sort()).toEqual(["a", "b", "c", "first"]);
  });
});
