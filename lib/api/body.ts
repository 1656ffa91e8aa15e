import { ApiError, invalid } from "@/lib/api/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The request's JSON body: application/json only (415), at most 64 KiB (413: refused from
 * Content-Length before reading, or as soon as the stream passes the limit, without buffering
 * the rest), well-formed JSON that can be processed and stored (400).
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = contentType(req);
  if (!isJsonType(type)) throw new ApiError(415, "unsupported_media_type", "Content-Type must be application/json");
  const text = await readBodyText(req, maxBytes);
  if (text.trim() === "") throw invalid("Request body is empty: expected a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid("Malformed JSON in request body", [{ path: "", code: "invalid_json", message: "Body is not valid JSON" }]);
  }
  assertStorable(value);
  return value;
}

/** The media type of the request, lowercased, without parameters. */
export const contentType = (req: Request) => (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
export const isJsonType = (type: string) => type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);

/** The body as UTF-8 text, with the same 413 rules as readJsonBody (for routes taking files). */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The request's body as a stream that errors with a 413 as soon as more than `maxBytes` have
 * passed (or at once when Content-Length says so), for routes that read a file as it arrives.
 */
export function limitedBody(req: Request, maxBytes: number): ReadableStream<Uint8Array> | null {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return null;
  let size = 0;
  return req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) controller.error(tooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
}

export const MAX_JSON_DEPTH = 64;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuse, as a 400, JSON that code further on cannot handle: nesting deeper than any request
 * needs (64 KiB of `[` is 32,768 levels, enough to overflow the stack of every recursive walk,
 * which would be a 500), and strings PostgreSQL cannot store (NUL, or an unpaired surrogate
 * written as a \u escape), which would fail the insert. Iterative, so it cannot overflow itself.
 */
export function assertStorable(root: unknown) {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: "", depth: 0 }];
  const badString = (s: string) => s.includes("\u0000") || UNPAIRED_SURROGATE.test(s);
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (badString(value))
        throw invalid(`Invalid value for ${path || "body"}: strings must be valid Unicode without NUL characters`, [
          { path, code: "invalid_string", message: "contains NUL or an unpaired surrogate" },
        ]);
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_JSON_DEPTH)
      throw invalid(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, [{ path, code: "too_deep", message: `nesting over ${MAX_JSON_DEPTH} levels` }]);
    for (const [k, v] of Object.entries(value)) {
      const childPath = path ? `${path}.${k}` : k;
      if (badString(k))
        throw invalid(`Invalid field name in ${path || "body"}: names must be valid Unicode without NUL characters`, [
          { path, code: "invalid_key", message: "contains NUL or an unpaired surrogate" },
        ]);
      stack.push({ value: v, path: childPath, depth: depth + 1 });
    }
  }
}

const tooLarge = (max: number) =>
  new ApiError(413, "payload_too_large", `Request body must be at most ${max >= 1024 * 1024 ? `${max / 1024 / 1024} MiB` : `${max / 1024} KiB`}`);
