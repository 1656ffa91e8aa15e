import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { CreateJobResponse } from "@/lib/jobs/schemas";
import { loadRerunPrefill } from "@/lib/jobs/rerun";
import { upsertPoolVersion } from "@/lib/pools/pools";
import { newEvalId } from "@/lib/ids";
import { testDb, newOrg } from "@/tests/setup/db";
import { call, parsed, PROVIDER_BODY, SEED_BODY } from "@/tests/api/helpers";

// "Edit and re-run" (/jobs/new?from=eval_…) loads the form from a job: only a job of the
// signed-in person's organization, and it says when the job's pool can no longer be used.

type Org = Awaited<ReturnType<typeof newOrg>>;

async function submit(o: Org, body: unknown = SEED_BODY) {
  return parsed(CreateJobResponse, await call(POST, "/api/v1/jobs", { key: o.key, body })).eval_id;
}

describe("loadRerunPrefill", () => {
  let a: Org;
  let b: Org;
  beforeAll(async () => {
    [a, b] = await Promise.all([newOrg("rerun-a"), newOrg("rerun-b")]);
  });

  it("an organization's own job: its pool, domain, profile and webhook URL", async () => {
    const id = await submit(a);
    expect(await loadRerunPrefill(testDb(), a.org.id, id)).toEqual({
      evalId: id,
      poolKey: SEED_BODY.pool,
      poolAvailable: true,
      domain: "carriers",
      profile: SEED_BODY.profile,
      webhookUrl: SEED_BODY.webhook_url,
    });
    const provider = await loadRerunPrefill(testDb(), a.org.id, await submit(a, PROVIDER_BODY));
    expect(provider).toMatchObject({ poolKey: PROVIDER_BODY.pool, domain: "providers", profile: PROVIDER_BODY.profile, webhookUrl: null });
  });

  it.each([
    ["another organization's job", async () => submit(b)],
    ["an unknown id", async () => newEvalId()],
    ["a malformed id", async () => "eval_'; drop table jobs"],
    ["an empty id", async () => ""],
  ])("%s is nothing (null)", async (_, id) => {
    expect(await loadRerunPrefill(testDb(), a.org.id, await id())).toBeNull();
  });

  it("a pool the organization can no longer use keeps the profile and says the pool is gone", async () => {
    const key = `${a.org.slug}:retired`;
    const { poolId } = await upsertPoolVersion(testDb(), { key, domain: "carriers", name: "Retired", description: "", organizationId: a.org.id }, [], "test");
    const id = await submit(a, { ...SEED_BODY, pool: key });
    await testDb().pool.update({ where: { id: poolId }, data: { currentVersionId: null } });
    expect(await loadRerunPrefill(testDb(), a.org.id, id)).toMatchObject({
      poolKey: key,
      poolAvailable: false,
      domain: "carriers",
      profile: SEED_BODY.profile,
    });
  });
});
