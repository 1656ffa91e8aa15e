import os from "node:os";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { randomBase62 } from "@/lib/ids";
import { onWake, wakeWorkers } from "@/lib/wake";
import { claimJobs, completeJob, failJob, failExhausted, releaseJob, renewLease, LeaseLostError, type ClaimedJob, type JobOutcome } from "@/lib/worker/queue";
import { evaluateJob, PermanentJobError } from "@/lib/worker/evaluate-job";
import { purgeExpiredIdempotency } from "@/lib/jobs/submit";

const PURGE_EVERY_MS = 10 * 60_000;

// The evaluator loop: claim up to `concurrency` jobs, evaluate, complete (fenced), repeat.
// Polls every `pollMs` when idle and wakes at once when this process enqueues a job.

export interface JobLoopOptions {
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  owner?: string;
  log?: (msg: string) => void;
  /** The evaluation itself (tests slow it down to open race windows). */
  evaluate?: (db: PrismaClient, job: ClaimedJob) => Promise<JobOutcome>;
}

export class JobLoop {
  readonly owner: string;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly log: (msg: string) => void;
  private readonly evaluate: (db: PrismaClient, job: ClaimedJob) => Promise<JobOutcome>;
  private pollDone: Promise<void> = Promise.resolve();
  private inFlight = new Map<string, Promise<void>>();
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private again = false;
  private unsubscribe: (() => void) | undefined;
  private lastSweep = 0;
  private lastPurge = 0;

  constructor(
    private readonly db: PrismaClient,
    opts: JobLoopOptions = {},
  ) {
    this.owner = opts.owner ?? `${os.hostname()}:${process.pid}:${randomBase62(6)}`;
    this.concurrency = opts.concurrency ?? 2;
    this.pollMs = opts.pollMs ?? 500;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.log = opts.log ?? ((m) => console.log(`nexio worker: ${m}`));
    this.evaluate = opts.evaluate ?? evaluateJob;
  }

  start() {
    if (this.running) return this;
    this.running = true;
    this.unsubscribe = onWake(() => this.poke());
    this.poke();
    return this;
  }

  /** Stop claiming; wait for jobs in flight, and give back any still running after `graceMs`. */
  async stop(graceMs = 10_000) {
    this.running = false;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    // A claim on its way back must land before we look at what is in flight: jobs it brings are
    // given back (poll sees running = false), not left leased to a loop that has stopped.
    await this.pollDone;
    const pending = [...this.inFlight.keys()];
    const drained = await Promise.race([
      Promise.allSettled(this.inFlight.values()).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), graceMs)),
    ]);
    if (!drained) for (const id of pending) if (this.inFlight.has(id)) await releaseJob(this.db, id, this.owner).catch(() => {});
  }

  private poke() {
    if (!this.running) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.polling = true;
    this.pollDone = this.poll().finally(() => {
      this.polling = false;
      if (!this.running) return;
      if (this.again) {
        this.again = false;
        this.poke();
      } else this.timer = setTimeout(() => this.poke(), this.pollMs);
    });
  }

  private async poll() {
    try {
      if (Date.now() - this.lastSweep > this.leaseMs) {
        this.lastSweep = Date.now();
        await failExhausted(this.db);
      }
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        await purgeExpiredIdempotency(this.db);
      }
      const free = this.concurrency - this.inFlight.size;
      if (free <= 0) return;
      const jobs = await claimJobs(this.db, this.owner, free, this.leaseMs);
      if (!this.running) {
        await Promise.all(jobs.map((job) => (this.inFlight.has(job.id) ? null : releaseJob(this.db, job.id, this.owner))));
        return;
      }
      for (const job of jobs) {
        // Our own job, still running here, whose lease lapsed (a stalled heartbeat) and which this
        // claim took again: the claim renewed the lease for the run already going; never run it twice.
        if (this.inFlight.has(job.id)) continue;
        const p = this.run(job).finally(() => {
          this.inFlight.delete(job.id);
          this.poke();
        });
        this.inFlight.set(job.id, p);
      }
      if (jobs.length === free) this.again = true;
    } catch (err) {
      this.log(`poll failed: ${(err as Error).message}`);
    }
  }

  private async run(job: ClaimedJob) {
    const heartbeat = setInterval(() => {
      void renewLease(this.db, job.id, this.owner, this.leaseMs).catch(() => {});
    }, Math.max(250, this.leaseMs / 3));
    try {
      const outcome = await this.evaluate(this.db, job);
      await completeJob(this.db, job, this.owner, outcome);
      wakeWorkers(); // the delivery loop, if the job has a webhook
    } catch (err) {
      if (err instanceof LeaseLostError) {
        this.log(err.message);
        return;
      }
      const permanent = err instanceof PermanentJobError;
      const error = permanent
        ? { code: err.code, message: err.message, permanent }
        : { code: "evaluation_error", message: "The evaluation failed unexpectedly", permanent };
      if (!permanent) this.log(`job ${job.id} attempt ${job.attempts} failed: ${(err as Error).stack ?? err}`);
      try {
        const { final } = await failJob(this.db, job, this.owner, error);
        if (final) wakeWorkers();
      } catch (e) {
        if (!(e instanceof LeaseLostError)) this.log(`could not record failure of ${job.id}: ${(e as Error).message}`);
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}
