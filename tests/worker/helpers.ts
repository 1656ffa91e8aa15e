import { testDb } from "../setup/db";
import { submitJob } from "@/lib/jobs/submit";
import type { Principal } from "@/lib/auth/principal";

export const SEED_PROFILE = { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 };

export async function submit(organizationId: string, body: Record<string, unknown> = { profile: SEED_PROFILE, pool: "carriers:all" }) {
  const who: Principal = { organizationId, via: "api_key" };
  return (await submitJob(testDb(), who, body, null)).body.eval_id;
}

/** Poll until `check` returns a truthy value (never a fixed sleep for an outcome). */
export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, { timeoutMs = 30_000, everyMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
