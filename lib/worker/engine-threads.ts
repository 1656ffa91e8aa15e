import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { EncodedOutcome, JobOutcome } from "@/lib/worker/queue";
import { PermanentJobError, type PreparedEvaluation } from "@/lib/worker/run-evaluation";

// Engine threads: the evaluations of the in-process worker run here instead of on the web
// process's main thread, so requests are answered while jobs are evaluated and spare cores
// evaluate too (off by default: on 2 cores they cost more than they gave, docs/performance.md). The main thread reads what an evaluation needs
// (prepareEvaluation), a thread runs the engine and gzips result and trace (engine-thread.ts) and
// hands back the stored bytes. ENGINE_THREADS=0 evaluates on the main thread.
//
// Why not a pool library (piscina, tinypool): the part that needs care here is ours — sending a
// pool version's candidates to a thread once rather than with every job, and turning a thread's
// failure into a retryable job error — and the rest is a queue per thread.

export type ThreadTask = { id: number; prep: Omit<PreparedEvaluation, "candidates">; candidates?: readonly unknown[] };
export type ThreadReply =
  | { id: number; kind: "done"; outcome: Omit<JobOutcome, "result" | "trace">; result: ArrayBuffer; trace: ArrayBuffer }
  | { id: number; kind: "need_pool" }
  | { id: number; kind: "error"; permanent: { code: string; message: string } | null; message: string; stack: string };

/** What an engine thread gives back: the outcome without the objects, and their stored bytes. */
export type ThreadOutcome = JobOutcome & { encoded: EncodedOutcome };

interface Pending {
  prep: PreparedEvaluation;
  resolve: (o: ThreadOutcome) => void;
  reject: (e: unknown) => void;
}

class EngineThread {
  private worker: Worker;
  readonly pending = new Map<number, Pending>();
  private closing = false;

  constructor(
    private readonly onExit: (t: EngineThread) => void,
    private readonly onFree: () => void,
  ) {
    this.worker = spawn();
    this.worker.on("message", (m: ThreadReply) => this.onMessage(m));
    this.worker.on("error", (err) => this.failAll(err));
    this.worker.on("exit", (code) => {
      this.failAll(new Error(`engine thread exited with code ${code}`));
      if (!this.closing) this.onExit(this);
    });
    this.worker.unref();
  }

  send(id: number, p: Pending, withCandidates: boolean) {
    // Referenced only while it has work: an idle thread never keeps the process alive.
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, p);
    const { candidates, ...prep } = p.prep;
    const task: ThreadTask = withCandidates ? { id, prep, candidates } : { id, prep };
    this.worker.postMessage(task);
  }

  private onMessage(m: ThreadReply) {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === "need_pool") return this.send(m.id, p, true);
    this.pending.delete(m.id);
    if (this.pending.size === 0) this.worker.unref();
    if (m.kind === "done") {
      p.resolve({ ...m.outcome, result: undefined, trace: undefined, encoded: { result: Buffer.from(m.result), trace: Buffer.from(m.trace) } });
    } else if (m.permanent) p.reject(new PermanentJobError(m.permanent.code, m.permanent.message));
    else p.reject(Object.assign(new Error(m.message), { stack: m.stack }));
    this.onFree();
  }

  private failAll(err: unknown) {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  async close() {
    this.closing = true;
    await this.worker.terminate();
  }
}

// In `next start` the thread is a worker entry that Next.js bundles (it recognises exactly the form
// `new Worker(new URL(…, import.meta.url))`). Elsewhere (tests, `npm run worker`, run by tsx) the
// TypeScript source is loaded through tsx's loader, registered in the thread itself: a thread
// inherits neither the process's loader nor `--import` from execArgv.
function spawn() {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./engine-thread.ts", import.meta.url));
  const source = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "engine-thread.ts")).href;
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`, { eval: true });
}

/** Jobs handed to a thread at once: one, so that a job waiting here can still be overtaken by a more urgent one. */
const IN_FLIGHT_PER_THREAD = 1;

export class EngineThreads {
  private threads: EngineThread[] = [];
  private nextId = 1;
  private closed = false;
  /** Waiting for a thread, by priority: [0] a person's single job, [1] batch rows and background work. */
  private waiting: [Pending[], Pending[]] = [[], []];

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.threads.push(this.start());
  }

  private start(): EngineThread {
    return new EngineThread(
      (dead) => {
        // A thread that died (out of memory, a bug) is replaced; its jobs failed as retryable attempts.
        if (this.closed) return;
        const i = this.threads.indexOf(dead);
        if (i >= 0) this.threads[i] = this.start();
        this.pump();
      },
      () => this.pump(),
    );
  }

  /** Evaluate on the next free thread; `urgent` (a single job someone waits for) goes before batch rows. */
  run(prep: PreparedEvaluation, urgent = true): Promise<ThreadOutcome> {
    if (this.closed) return Promise.reject(new Error("engine threads are closed"));
    return new Promise((resolve, reject) => {
      this.waiting[urgent ? 0 : 1].push({ prep, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    for (const t of this.threads) {
      while (t.pending.size < IN_FLIGHT_PER_THREAD) {
        const next = this.waiting[0].shift() ?? this.waiting[1].shift();
        if (!next) return;
        t.send(this.nextId++, next, false);
      }
    }
  }

  async close() {
    this.closed = true;
    for (const p of this.waiting.flat()) p.reject(new Error("engine threads are closed"));
    this.waiting = [[], []];
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
