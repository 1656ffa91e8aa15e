// In-process nudge: a job submitted to this process is claimed at once by its own worker loop
// instead of waiting for the next poll; workers in other processes find it by polling. The
// evaluator loop (lib/worker) and the delivery loop (lib/webhooks) both listen here, so neither
// imports the other (docs/architecture.md). Kept on
// globalThis because Next.js bundles instrumentation and route handlers separately, so a
// module-level Set would not be shared between them.
type Listener = () => void;
declare global {
  var __nexioWake: Set<Listener> | undefined;
}
const listeners = (globalThis.__nexioWake ??= new Set<Listener>());

export function onWake(fn: Listener) {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

export function wakeWorkers() {
  for (const fn of listeners) fn();
}

/**
 * This process's evaluator, when it has room for one more single job now (lib/worker/job-loop.ts
 * registers it): a submission in this process is then inserted already leased to it and handed
 * over in memory (lib/jobs/submit.ts), which saves the claim statement and its wait. A job handed
 * over and then lost with the process is claimed again by any worker once its lease expires.
 */
export interface LocalTaker {
  owner: string;
  leaseMs: number;
  /** Whether it takes the next submission (asked once per submission: a refusal means that job waits in the queue). */
  hasRoom(): boolean;
  take(job: HandedOverJob): void;
}
/** A job row as the evaluator needs it (lib/worker/queue.ts ClaimedJob adds what a claim knows). */
export interface JobToEvaluate {
  id: string;
  organizationId: string;
  poolVersionId: string;
  poolKey: string;
  profile: unknown;
  webhookUrl: string | null;
  createdAt: Date;
  maxAttempts: number;
}
/** A submission handed over: inserted on its first attempt, with the rule set in force read by the insert. */
export type HandedOverJob = JobToEvaluate & { rulesSetId: string | null };
declare global {
  var __nexioLocalTaker: LocalTaker | undefined;
}
export function setLocalTaker(t: LocalTaker | undefined) {
  globalThis.__nexioLocalTaker = t;
}
export function localTaker(): LocalTaker | undefined {
  return globalThis.__nexioLocalTaker;
}
