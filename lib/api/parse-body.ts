import type { z } from "zod";
import { fromZodIssues } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/body";

/** The request's JSON body parsed with a route's zod schema; problems → 400 with every path. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJsonBody(req));
  if (!parsed.success) throw fromZodIssues(parsed.error.issues);
  return parsed.data;
}
