/**
 * Engine 1.0.0, frozen. Results and traces of jobs evaluated before engine 2 keep their evidence:
 * the trace page recomputes a candidate's evidence with the engine version that produced the
 * result, so this copy must never change (lib/engine/versions.ts picks it for "1.x" traces).
 */
export { ENGINE_VERSION } from "./version";
export { explain, resolveRules, evaluate } from "./evaluate";
export { getDomain } from "./registry";
