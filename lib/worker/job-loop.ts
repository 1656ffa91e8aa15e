import os from "node:os";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { randomBase62 } from "@/lib/ids";
import { localTaker, onWake, setLocalTaker, wakeWorkers, type HandedOverJob, type LocalTaker } from "@/lib/wake";
import {
  claimJobs,
  completeJobs,
  encodeOutcome,
  failJob,
  failExhausted,
  releaseJob,
  renewLeases,
  JOB_PRIORITY,
  LeaseLostError,
  type ClaimedJob,
  type Completion,
  type JobOutcome,
} from "@/lib/worker/queue";
import { evaluateJob, prepareEvaluation, PermanentJobError, type RulesMemo } from "@/lib/worker/evaluate-job";
import type { EngineThreads } from "@/lib/worker/engine-threads";
import { purgeExpiredIdempotency } from "@/lib/jobs/submit";

const PURGE_EVERY_MS = 10 * 60_000;

// The evaluator loop. It claims jobs in groups (up to `groupSize` per claim, fair between
// organizations, interactive first), evaluates a group's jobs one after another, yielding to the
// event loop between them, and completes the whole group in one statement: one claim and one
// write per group instead of several round trips per job (docs/performance.md).
// Lanes: `concurrency` lanes claim only interactive jobs (single submissions), and first; one
// "bulk" lane claims anything in priority order (single jobs first, then batch rows and background
// work) when they found none. So at most one group of batch rows is in flight per process, and a
// single job never waits for a batch group to end; the bulk lane also pauses between its jobs
// while one runs, and it may use a database client of its own (`bulkDb`: on the embedded
// database its connections yield to the others', lib/db/pglite-queue.ts).
// Polls every `pollMs` when idle and wakes at once when this process enqueues a job.

export interface JobLoopOptions {
  concurrency?: number;
  groupSize?: number;
  pollMs?: number;
  leaseMs?: number;
  owner?: string;
  log?: (msg: string) => void;
  /** The bulk lane's database client (default: the same as the others'). */
  bulkDb?: PrismaClient;
  /** The evaluation itself (tests slow it down to open race windows); evaluated on this thread. */
  evaluate?: (db: PrismaClient, job: ClaimedJob, memo?: RulesMemo) => Promise<JobOutcome>;
  /**
   * Engine threads (lib/worker/engine-threads.ts): a group's jobs are evaluated there, several at
   * once, a person's single job before batch rows; and two bulk groups may be in flight, so one is
   * written while the next is evaluated. Without them (or with `evaluate`), on this thread, one by one.
   */
  threads?: EngineThreads;
  /**
   * Take this process's new single jobs straight from the submission (lib/wake.ts LocalTaker):
   * when an interactive lane is free and the last claim found no other single job waiting, a
   * submission is inserted already leased to this loop and handed over, without a claim.
   */
  takeLocal?: boolean;
}

type Lane = "bulk" | "interactive";

export class JobLoop {
  readonly owner: string;
  private readonly concurrency: number;
  private readonly groupSize: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly log: (msg: string) => void;
  private readonly evaluate: (db: PrismaClient, job: ClaimedJob, memo?: RulesMemo) => Promise<JobOutcome>;
  private readonly bulkDb: PrismaClient;
  private readonly threads: EngineThreads | undefined;
  private readonly bulkLanes: number;
  private pollDone: Promise<void> = Promise.resolve();
  /** job id → the promise of the group running it */
  private inFlight = new Map<string, Promise<void>>();
  private groups = new Map<Promise<void>, Lane>();
  /** Resolved when no interactive group is in flight; the bulk lane waits on it between jobs. */
  private interactiveIdle: Promise<void> = Promise.resolve();
  private interactiveDone: (() => void) | null = null;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private again = false;
  private unsubscribe: (() => void) | undefined;
  private lastSweep = 0;
  private lastPurge = 0;
  /** The last interactive claim took every single job that was due (so a handed-over job jumps no queue). */
  private interactiveDrained = false;
  private taker: LocalTaker | undefined;

  constructor(
    private readonly db: PrismaClient,
    opts: JobLoopOptions = {},
  ) {
    this.owner = opts.owner ?? `${os.hostname()}:${process.pid}:${randomBase62(6)}`;
    this.concurrency = opts.concurrency ?? 2;
    this.groupSize = opts.groupSize ?? 16;
    this.pollMs = opts.pollMs ?? 500;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.log = opts.log ?? ((m) => console.log(`nexio worker: ${m}`));
    this.evaluate = opts.evaluate ?? evaluateJob;
    this.threads = opts.evaluate ? undefined : opts.threads;
    this.bulkLanes = this.threads ? 2 : 1;
    this.bulkDb = opts.bulkDb ?? db;
    if (opts.takeLocal)
      this.taker = {
        owner: this.owner,
        leaseMs: this.leaseMs,
        hasRoom: () => {
          const room = this.running && this.interactiveDrained && this.lanesFree().interactive > 0;
          // Asked and refused: that submission now waits in the queue, so the next one must not
          // be handed over ahead of it; the next claim that drains the queue offers room again.
          if (!room) this.interactiveDrained = false;
          return room;
        },
        take: (job) => this.takeHandedOver(job),
      };
  }

  private dbFor(lane: Lane) {
    return lane === "bulk" ? this.bulkDb : this.db;
  }

  start() {
    if (this.running) return this;
    this.running = true;
    this.unsubscribe = onWake(() => this.poke());
    if (this.taker) setLocalTaker(this.taker);
    this.poke();
    return this;
  }

  /** Stop claiming; wait for jobs in flight, and give back any still running after `graceMs`. */
  async stop(graceMs = 10_000) {
    this.running = false;
    if (this.taker && localTaker() === this.taker) setLocalTaker(undefined);
    this.unsubscribe?.();
    clearTimeout(this.timer);
    // A claim on its way back must land before we look at what is in flight: jobs it brings are
    // given back (poll sees running = false), not left leased to a loop that has stopped.
    await this.pollDone;
    const pending = [...this.inFlight.keys()];
    const drained = await Promise.race([
      Promise.allSettled(this.groups.keys()).then(() => true),
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

  private lanesFree() {
    let bulk = 0;
    let interactive = 0;
    for (const lane of this.groups.values()) {
      if (lane === "bulk") bulk++;
      else interactive++;
    }
    return { bulk: this.bulkLanes - bulk, interactive: this.concurrency - interactive };
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
      const free = this.lanesFree();
      // A free interactive lane claims single jobs first; only when there are none does the bulk
      // lane, if free, take whatever comes first in priority order (batch rows, background work).
      let lane: Lane | null = null;
      let jobs: ClaimedJob[] = [];
      if (free.interactive > 0) {
        lane = "interactive";
        jobs = await claimJobs(this.db, this.owner, this.groupSize, this.leaseMs, { maxPriority: JOB_PRIORITY.interactive });
        this.interactiveDrained = jobs.length < this.groupSize;
      }
      if (jobs.length === 0 && free.bulk > 0 && this.running) {
        lane = "bulk";
        jobs = await claimJobs(this.bulkDb, this.owner, this.groupSize, this.leaseMs);
      }
      if (!lane) return;
      const laneDb = this.dbFor(lane);
      if (!this.running) {
        await Promise.all(jobs.map((job) => (this.inFlight.has(job.id) ? null : releaseJob(laneDb, job.id, this.owner))));
        return;
      }
      // Our own job, still running here, whose lease lapsed (a stalled heartbeat) and which this
      // claim took again: the claim renewed the lease for the run already going; never run it twice.
      const fresh = jobs.filter((job) => !this.inFlight.has(job.id));
      if (fresh.length > 0) this.launch(fresh, lane);
      // Something claimed: another free lane may find more at once.
      if (jobs.length > 0) this.again = true;
    } catch (err) {
      this.log(`poll failed: ${(err as Error).message}`);
    }
  }

  private launch(jobs: ClaimedJob[], lane: Lane) {
    const group: Promise<void> = this.runGroup(jobs, lane).finally(() => {
      for (const job of jobs) if (this.inFlight.get(job.id) === group) this.inFlight.delete(job.id);
      this.groups.delete(group);
      if (![...this.groups.values()].includes("interactive")) {
        this.interactiveDone?.();
        this.interactiveDone = null;
      }
      this.poke();
    });
    this.groups.set(group, lane);
    for (const job of jobs) this.inFlight.set(job.id, group);
    if (lane === "interactive" && !this.interactiveDone) this.interactiveIdle = new Promise((r) => (this.interactiveDone = r));
  }

  /** A submission of this process, inserted leased to us on its first attempt (lib/jobs/submit.ts). */
  private takeHandedOver(h: HandedOverJob) {
    const job: ClaimedJob = { ...h, attempts: 1, batchId: null, priority: JOB_PRIORITY.interactive };
    // Stopping: give it back to the queue untouched (were that to fail, its lease runs out and any worker claims it).
    if (!this.running) void releaseJob(this.db, job.id, this.owner).catch(() => {});
    else this.launch([job], "interactive");
  }

  private async runGroup(jobs: ClaimedJob[], lane: Lane) {
    const db = this.dbFor(lane);
    let ids = jobs.map((j) => j.id);
    const heartbeat = setInterval(
      () => {
        void renewLeases(db, ids, this.owner, this.leaseMs).then(
          (ours) => (ids = ours),
          () => {},
        );
      },
      Math.max(250, this.leaseMs / 3),
    );
    const memo: RulesMemo = new Map();
    const done: Completion[] = [];
    try {
      if (this.threads) done.push(...(await this.evaluateOnThreads(this.threads, db, jobs, memo)));
      else
        for (const [i, job] of jobs.entries()) {
          if (i > 0) await new Promise((r) => setImmediate(r)); // let requests in between evaluations
          // Batches yield to interactive work: while a single job is being evaluated here, the bulk
          // lane waits between its jobs (and before its write) instead of competing for the CPU
          // and the database.
          if (lane === "bulk") await this.interactiveIdle;
          try {
            const outcome = await this.evaluate(db, job, memo);
            done.push({ job, outcome, encoded: encodeOutcome(outcome) });
          } catch (err) {
            await this.recordFailure(db, job, err);
          }
        }
      if (lane === "bulk") await this.interactiveIdle;
      if (done.length > 0) {
        try {
          const r = await completeJobs(db, this.owner, done);
          for (const id of r.lost) this.log(new LeaseLostError(id).message);
          wakeWorkers(); // the delivery loop, if a job or batch has a webhook
        } catch (err) {
          // The group's one statement failed as a whole: record each job's attempt as failed.
          this.log(`completing ${done.length} jobs failed: ${(err as Error).message}`);
          for (const { job } of done) await this.recordFailure(db, job, err);
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The group's jobs on the engine threads, all at once: a person's single job is urgent, batch rows are not. */
  private async evaluateOnThreads(threads: EngineThreads, db: PrismaClient, jobs: ClaimedJob[], memo: RulesMemo): Promise<Completion[]> {
    const settled = await Promise.all(
      jobs.map(async (job): Promise<Completion | null> => {
        try {
          const outcome = await threads.run(await prepareEvaluation(db, job, memo), job.priority <= JOB_PRIORITY.interactive);
          return { job, outcome, encoded: outcome.encoded };
        } catch (err) {
          await this.recordFailure(db, job, err);
          return null;
        }
      }),
    );
    return settled.filter((c): c is Completion => c !== null);
  }

  private async recordFailure(db: PrismaClient, job: ClaimedJob, err: unknown) {
    const permanent = err instanceof PermanentJobError;
    const error = permanent
      ? { code: err.code, message: err.message, permanent }
      : { code: "evaluation_error", message: "The evaluation failed unexpectedly", permanent };
    if (!permanent) this.log(`job ${job.id} attempt ${job.attempts} failed: ${(err as Error).stack ?? err}`);
    try {
      const { final } = await failJob(db, job, this.owner, error);
      if (final) wakeWorkers();
    } catch (e) {
      if (!(e instanceof LeaseLostError)) this.log(`could not record failure of ${job.id}: ${(e as Error).message}`);
    }
  }
}
