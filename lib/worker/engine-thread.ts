// An engine thread (lib/worker/engine-threads.ts starts them): evaluates prepared jobs and encodes
// the result and trace as stored, off the web process's main thread. Pure apart from the message
// port: it never touches the database. Pool versions are immutable, so each thread keeps the last
// few it was sent by id and the main thread sends a version's candidates only when asked.
import { parentPort } from "node:worker_threads";
import { gzipJson } from "@/lib/jobs/result-codec";
import { PermanentJobError, runEvaluation, type PreparedEvaluation } from "@/lib/worker/run-evaluation";
import type { ThreadReply, ThreadTask } from "@/lib/worker/engine-threads";

const POOLS_KEPT = 8;
const pools = new Map<string, readonly unknown[]>();

function reply(msg: ThreadReply, transfer: ArrayBuffer[] = []) {
  parentPort!.postMessage(msg, transfer);
}

parentPort!.on("message", (task: ThreadTask) => {
  try {
    if (task.candidates) {
      pools.set(task.prep.poolVersionId, task.candidates);
      if (pools.size > POOLS_KEPT) pools.delete(pools.keys().next().value!);
    }
    const candidates = pools.get(task.prep.poolVersionId);
    if (!candidates) return reply({ id: task.id, kind: "need_pool" });
    const prep: PreparedEvaluation = { ...task.prep, candidates };
    const { result, trace, ...outcome } = runEvaluation(prep);
    const r = gzipJson(result);
    const t = gzipJson(trace);
    // Copies into buffers of their own, so they can be transferred rather than cloned.
    const rb = r.buffer.slice(r.byteOffset, r.byteOffset + r.byteLength) as ArrayBuffer;
    const tb = t.buffer.slice(t.byteOffset, t.byteOffset + t.byteLength) as ArrayBuffer;
    reply({ id: task.id, kind: "done", outcome, result: rb, trace: tb }, [rb, tb]);
  } catch (err) {
    const e = err as Error;
    reply({
      id: task.id,
      kind: "error",
      permanent: err instanceof PermanentJobError ? { code: err.code, message: err.message } : null,
      message: e?.message ?? String(err),
      stack: e?.stack ?? "",
    });
  }
});
