import type { OperationEntry } from "@/components/api-reference/model";

// Example requests for the reference: the public "Submitting Jobs" page's request body, and curl
// commands built from an operation.

export const SEED_REQUEST = {
  profile: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12000000 },
  pool: "carriers:all",
  webhook_url: "https://your-app.com/hooks/nexio",
};

export const EXAMPLE_EVAL_ID = "eval_7xKp2mNc";

/** The example body of an operation: the document's own, else the seed's for the job body. */
export function exampleBody(entry: OperationEntry): string | undefined {
  const media = entry.op.requestBody?.content["application/json"];
  if (!media) return undefined;
  if (media.example !== undefined) return JSON.stringify(media.example, null, 2);
  return JSON.stringify(SEED_REQUEST, null, 2);
}

export function curlExample(entry: OperationEntry, baseUrl: string): string {
  const path = entry.path.replace("{eval_id}", EXAMPLE_EVAL_ID);
  const query = entry.method === "GET" && entry.op.parameters?.some((p) => p.name === "limit") ? "?limit=10" : "";
  const url = `${baseUrl}${path}${query}`;
  const lines = [`curl ${entry.method === "GET" ? "" : `-X ${entry.method} `}${query ? `"${url}"` : url}`];
  const body = exampleBody(entry);
  if (body) lines.push(`  -H "Content-Type: application/json"`);
  lines.push(`  -H "X-API-Key: nx_live_YOUR_KEY"`);
  if (body) lines.push(`  -d '${body.replace(/'/g, "'\\''").split("\n").join("\n  ")}'`);
  return lines.join(" \\\n");
}
