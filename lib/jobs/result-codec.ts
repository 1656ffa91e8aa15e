import zlib from "node:zlib";

// How a job's result is stored (job_results.result, webhook delivery bodies): gzipped JSON.
// Level 1: every evaluation pays this on the worker (≈ 180 KB of JSON for a typical result and
// trace); level 1 took 1.2 ms against 2.7 ms for level 6 and stores ≈ 30 % more (24 vs 18 KB a
// job), docs/performance.md. Reading is the same at any level.

export const gzipJson = (value: unknown) => zlib.gzipSync(Buffer.from(JSON.stringify(value)), { level: 1 });
export const gunzipText = (bytes: Uint8Array): string => zlib.gunzipSync(bytes).toString("utf8");
export const gunzipJson = <T>(bytes: Uint8Array): T => JSON.parse(gunzipText(bytes)) as T;
