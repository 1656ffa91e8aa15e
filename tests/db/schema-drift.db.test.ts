import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";

// The committed SQL migrations and prisma/schema.prisma must describe the same database: every
// model a table, every scalar field a column of the matching type and nullability, every enum
// and unique constraint present, and nothing in the database the schema does not know.

interface Field {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  unique: boolean;
}
interface Model {
  name: string;
  table: string;
  fields: Field[];
  uniques: string[][];
}

const SCALAR_SQL: Record<string, string> = {
  String: "text",
  Int: "integer",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
  BigInt: "bigint",
  Float: "double precision",
};

// A list's element type, as information_schema names arrays (udt_name "_text" for text[]).
const SCALAR_UDT: Record<string, string> = { String: "text", Int: "int4", Boolean: "bool", BigInt: "int8", Float: "float8" };

function parseSchema(text: string) {
  const enums = new Map<string, { name: string; values: string[] }>();
  for (const m of text.matchAll(/^enum (\w+) \{([\s\S]*?)^\}/gm)) {
    const body = m[2]
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("//"));
    const mapped = body.find((l) => l.startsWith("@@map"))?.match(/"(.+)"/)?.[1];
    enums.set(m[1], { name: mapped ?? m[1], values: body.filter((l) => !l.startsWith("@@")) });
  }
  const models: Model[] = [];
  for (const m of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const lines = m[2]
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("//"));
    const table = lines.find((l) => l.startsWith("@@map"))?.match(/"(.+)"/)?.[1] ?? m[1];
    const fields: Field[] = [];
    const uniques: string[][] = [];
    for (const l of lines) {
      if (l.startsWith("@@unique") || l.startsWith("@@id"))
        uniques.push(
          l
            .match(/\[(.*?)\]/)![1]
            .split(",")
            .map((s) => s.trim()),
        );
      if (l.startsWith("@")) continue;
      const [name, rawType] = l.split(/\s+/);
      const type = rawType.replace(/[?[\]]/g, "");
      if (!(type in SCALAR_SQL) && !enums.has(type)) continue; // relation field
      const column = l.match(/@map\("(.+?)"\)/)?.[1] ?? name;
      fields.push({ name, column, type, optional: rawType.endsWith("?"), list: rawType.endsWith("[]"), unique: /@unique\b/.test(l) || /@id\b/.test(l) });
    }
    models.push({ name: m[1], table, fields, uniques: uniques.map((u) => u.map((f) => fields.find((x) => x.name === f)!.column)) });
  }
  return { models, enums };
}

describe("migrations match prisma/schema.prisma", () => {
  const schema = parseSchema(fs.readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"));

  it("has every table, column, type, nullability, enum and unique constraint, and nothing else", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const cols = (
        await client.query(`SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`)
      ).rows;
      const tables = new Set(cols.map((c) => c.table_name));
      tables.delete("nexio_migrations");
      expect([...tables].sort()).toEqual(schema.models.map((m) => m.table).sort());

      for (const model of schema.models) {
        const dbCols = cols.filter((c) => c.table_name === model.table);
        expect(dbCols.map((c) => c.column_name).sort(), `columns of ${model.table}`).toEqual(model.fields.map((f) => f.column).sort());
        for (const f of model.fields) {
          const c = dbCols.find((x) => x.column_name === f.column)!;
          const en = schema.enums.get(f.type);
          if (en) expect([c.data_type, c.udt_name], `${model.table}.${f.column}`).toEqual(["USER-DEFINED", en.name]);
          else if (f.list) expect([c.data_type, c.udt_name], `${model.table}.${f.column}`).toEqual(["ARRAY", `_${SCALAR_UDT[f.type]}`]);
          else expect(c.data_type, `${model.table}.${f.column}`).toBe(SCALAR_SQL[f.type]);
          expect(c.is_nullable === "YES", `${model.table}.${f.column} nullable`).toBe(f.optional);
        }
      }

      const enumRows = (
        await client.query(`SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`)
      ).rows;
      for (const en of schema.enums.values()) {
        expect(enumRows.filter((r) => r.typname === en.name).map((r) => r.enumlabel)).toEqual(en.values);
      }

      const indexes = (await client.query(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%'`)).rows;
      const uniqueSets = (table: string) =>
        indexes
          .filter((i) => i.tablename === table)
          .map((i) =>
            (i.indexdef.match(/\((.*)\)/)![1] as string)
              .split(",")
              .map((s) => s.trim().replace(/"/g, ""))
              .sort()
              .join(","),
          );
      for (const model of schema.models) {
        const expected = [...model.fields.filter((f) => f.unique).map((f) => f.column), ...model.uniques.map((u) => [...u].sort().join(","))].sort();
        expect(uniqueSets(model.table).sort(), `unique constraints of ${model.table}`).toEqual(expected);
      }
    } finally {
      await client.end();
    }
  });
});
