import { ApiError, invalid } from "@/lib/api/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The request's JSON body: application/json only (415), at most 64 KiB (413: refused from
 * Content-Length before reading, or as soon as the stream passes the limit, without buffering
 * the rest), well-formed JSON (400).
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "Content-Type must be application/json");
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) throw invalid("Request body is empty: expected a JSON object");

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
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw invalid("Request body is empty: expected a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("Malformed JSON in request body", [{ path: "", code: "invalid_json", message: "Body is not valid JSON" }]);
  }
}

const tooLarge = (max: number) => new ApiError(413, "payload_too_large", `Request body must be at most ${max / 1024} KiB`);
