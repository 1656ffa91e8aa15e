import Papa from "papaparse";
import type { z } from "zod";
import { candidateColumns, encodeCell, valueAt } from "@/lib/pools/columns";

// A pool version's candidates as the file POST /api/v1/pools imports: the same columns and cell
// rules (lib/pools/columns.ts), so an exported pool imports back unchanged.

export function candidatesToCsv(schema: z.ZodObject, candidates: unknown[]): string {
  const columns = candidateColumns(schema);
  const rows = candidates.map((c) => columns.map((col) => encodeCell(col, valueAt(c, col.path))));
  return Papa.unparse({ fields: columns.map((c) => c.name), data: rows }, { newline: "\n" });
}

export function candidatesToJson(candidates: unknown[]): string {
  return JSON.stringify({ candidates }, null, 2);
}
