// Building blocks shared by every module that adds operations to the OpenAPI document
// (lib/api/openapi.ts and the lib/*/openapi.ts it spreads in): JSON content by schema name, the
// error responses from a module's own code → description table, a 2xx response, a JSON body.

/** What 401, 413, 415, 429 and 500 mean on the routes that take an API key or a session and a JSON body. */
export const COMMON_ERRORS = {
  401: "unauthorized: missing, unknown or revoked API key, and no session",
  413: "payload_too_large: body over 64 KiB",
  415: "unsupported_media_type: Content-Type must be application/json",
  429: "rate_limited: too many requests; see Retry-After",
  500: "internal_error",
} as const;

export const jsonContent = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });

/** `errors(400, 401, …)` for a table of descriptions: each code answers the shared Error schema. */
export function errorResponses<T extends Record<number, string>>(descriptions: T) {
  return (...codes: (keyof T & number)[]) => Object.fromEntries(codes.map((c) => [c, { description: descriptions[c], content: jsonContent("Error") }]));
}

export const okResponse = (ref: string, description: string, headers?: object) => ({ description, ...(headers ? { headers } : {}), content: jsonContent(ref) });

export const jsonBody = (ref: string) => ({ required: true, content: jsonContent(ref) });
