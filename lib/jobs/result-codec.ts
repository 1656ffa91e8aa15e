import zlib from "node:zlib";

// How a job's result is stored (job_results.result, webhook delivery bodies): gzipped JSON.

export const gzipJson = (value: unknown) => zlib.gzipSync(Buffer.from(JSON.stringify(value)), { level: 6 });
export const gunzipJson = <T>(bytes: Uint8Array): T => JSON.parse(zlib.gunzipSync(bytes).toString("utf8")) as T;
