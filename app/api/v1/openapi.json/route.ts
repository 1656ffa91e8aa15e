// GET /api/v1/openapi.json – the OpenAPI 3.1 document, generated from the handlers' zod schemas
import { openApiDocument } from "@/lib/api/openapi";
import { settings } from "@/lib/settings";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(openApiDocument(settings().baseUrl), { headers: { "cache-control": "public, max-age=300" } });
}
