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
