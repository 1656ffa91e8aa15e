// Building blocks shared by every module that adds operations to the OpenAPI document
// (lib/api/openapi.ts and the lib/*/openapi.ts it spreads in): JSON content by schema name, the
// error responses from a module's own code → description table, a 2xx response, a JSON body.

export const jsonContent = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });

/** `errors(400, 401, …)` for a table of descriptions: each code answers the shared Error schema. */
export function errorResponses<T extends Record<number, string>>(descriptions: T) {
  return (...codes: (keyof T & number)[]) => Object.fromEntries(codes.map((c) => [c, { description: descriptions[c], content: jsonContent("Error") }]));
}

export const okResponse = (ref: string, description: string, headers?: object) => ({ description, ...(headers ? { headers } : {}), content: jsonContent(ref) });

export const jsonBody = (ref: string) => ({ required: true, content: jsonContent(ref) });
