import { expect } from "vitest";
import type { z } from "zod";
import { ErrorResponse } from "@/lib/jobs/schemas";
import { testDb } from "@/tests/setup/db";

// Calling route handlers directly, the way Next.js does: a Request and a params promise. Every
// response body is parsed, and error responses are checked against the one error schema.

export const BASE = "http://localhost";

/** The seed page's curl body, exactly. */
export const SEED_BODY = {
  profile: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12000000 },
  pool: "carriers:all",
  webhook_url: "https://your-app.com/hooks/nexio",
} as const;

export const PROVIDER_BODY = {
  profile: { entity: "member-4821", specialty: "cardiology", state: "CA", zip: "94110", plan: "cascade_ppo", urgency: "routine" },
  pool: "providers:network",
};

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response> | Response;

export interface CallOptions<P> {
  method?: string;
  key?: string | null;
  headers?: Record<string, string>;
  /** an object is sent as JSON; a string, bytes or stream as is */
  body?: unknown;
  params?: P;
}

export interface Called {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

export async function call<P = Record<string, never>>(handler: RouteHandler<P>, path: string, opts: CallOptions<P> = {}): Promise<Called> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.key) headers["x-api-key"] = opts.key;
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === "string" || opts.body instanceof ReadableStream || opts.body instanceof Uint8Array) body = opts.body as BodyInit;
    else body = JSON.stringify(opts.body);
    // JSON unless the case says otherwise; an empty content-type means "send none".
    headers["content-type"] ??= "application/json";
    if (headers["content-type"] === "") delete headers["content-type"];
  }
  const init: RequestInit & { duplex?: "half" } = { method: opts.method ?? (body === undefined ? "GET" : "POST"), headers, body };
  if (body instanceof ReadableStream) init.duplex = "half";
  const res = await handler(new Request(`${BASE}${path}`, init), { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Parse a successful body with the route's response schema (throws with the zod issues if it drifts). */
export function parsed<S extends z.ZodType>(schema: S, res: Called): z.infer<S> {
  const r = schema.safeParse(res.json);
  if (!r.success) throw new Error(`response does not match its schema (${res.status}): ${JSON.stringify(r.error.issues)}\n${res.text}`);
  return r.data;
}

// What an error message must never show: stack frames, SQL, Prisma, file names, internal ids.
const LEAKS = [
  /\bat \S+ \(/,
  /\.tsx?\b/,
  /node_modules/,
  /prisma/i,
  /\bselect\b.*\bfrom\b/i,
  /\binsert into\b/i,
  /\bP\d{4}\b/,
  /TypeError|RangeError|ReferenceError/,
  /\bpool_[0-9A-Za-z]{20}\b|\bpv_[0-9A-Za-z]{20}\b|\borg_[0-9A-Za-z]{20}\b/,
];

export function expectNoLeak(text: string) {
  for (const re of LEAKS) expect(text, `leaks ${re}`).not.toMatch(re);
}

/** The response is an error in the seed's shape with this status and code; returns the error. */
export function expectError(res: Called, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  const body = ErrorResponse.parse(res.json);
  expect(body.error.code).toBe(code);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expectNoLeak(res.text);
  return body.error;
}

export async function countJobs(organizationId: string) {
  return testDb().job.count({ where: { organizationId } });
}

/** A body of `n` bytes of JSON text (a valid seed body padded with a long entity). */
export function bodyOfSize(n: number): string {
  const base = JSON.stringify({ ...SEED_BODY, profile: { ...SEED_BODY.profile, entity: "" } });
  return base.replace('"entity":""', `"entity":"${"x".repeat(n - base.length)}"`);
}

/** A stream of `total` bytes in chunks, with no Content-Length. */
export function streamOf(text: string, chunk = 8 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/**
 * Evaluate one job now, in this process, the way the worker does (lease, engine, fenced
 * completion, webhook enqueued): tests get a completed job without running the worker loop,
 * which would also pick up other tests' queued jobs.
 */
export async function completeJobNow(evalId: string) {
  const { evaluateJob } = await import("@/lib/worker/evaluate-job");
  const { completeJob } = await import("@/lib/worker/queue");
  const db = testDb();
  const owner = `test-${evalId}`;
  const [row] = await db.$queryRaw<Array<Record<string, unknown>>>`
    UPDATE jobs SET status = 'running', lease_owner = ${owner}, lease_expires_at = now() + interval '60 seconds',
           attempts = attempts + 1, started_at = COALESCE(started_at, now())
    WHERE id = ${evalId} AND status = 'queued'
    RETURNING id, organization_id, pool_version_id, pool_key, profile, webhook_url, created_at, attempts, max_attempts`;
  if (!row) throw new Error(`job ${evalId} is not queued`);
  const job = {
    id: row.id as string,
    organizationId: row.organization_id as string,
    poolVersionId: row.pool_version_id as string,
    poolKey: row.pool_key as string,
    profile: row.profile,
    webhookUrl: (row.webhook_url as string | null) ?? null,
    createdAt: row.created_at as Date,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    batchId: null,
    priority: 0,
  };
  await completeJob(db, job, owner, await evaluateJob(db, job));
}
