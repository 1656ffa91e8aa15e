import fs from "node:fs";
import path from "node:path";
import { builtinModules } from "node:module";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The rules of docs/architecture.md, checked on the import graph: every .ts/.tsx file under app/,
// lib/ (not lib/generated), components/ and scripts/ is parsed with the TypeScript compiler, its
// imports (static, type-only, re-exports, import(), require()) resolved through the `@/` alias.

const ROOT = path.resolve(import.meta.dirname, "..");
const SCANNED = ["app", "lib", "components", "scripts"];

export interface SourceFile {
  /** Repository-relative, forward slashes: `lib/engine/evaluate.ts`. */
  file: string;
  text: string;
}
interface Import {
  spec: string;
  /** `import type`, `export type`, `import("x").T` in a type: erased from the bundle. */
  typeOnly: boolean;
  /** Repository-relative file the specifier resolves to, or null for a package or Node module. */
  target: string | null;
}
interface ParsedFile {
  file: string;
  /** Starts with the "use client" directive: a client component (or module) bundled for the browser. */
  client: boolean;
  imports: Import[];
  clockReads: string[];
}
export interface Violation {
  rule: string;
  file: string;
  what: string;
}

const NODE_IO = [
  "fs",
  "fs/promises",
  "net",
  "http",
  "https",
  "http2",
  "child_process",
  "dgram",
  "dns",
  "tls",
  "worker_threads",
  "cluster",
  "os",
  "readline",
  "zlib",
  "crypto",
  "process",
  "perf_hooks",
  "timers",
];
const HTTP_MODULES = ["next/server", "@/lib/api/errors"];

function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (rel !== "lib/generated" && entry.name !== "node_modules") walk(rel);
      } else if (/\.tsx?$/.test(entry.name)) out.push({ file: rel, text: fs.readFileSync(path.join(ROOT, rel), "utf8") });
    }
  };
  for (const dir of SCANNED) walk(dir);
  return out;
}

/** `@/x` and `./x` → the repository file it names (x.ts, x.tsx, x/index.ts…), if it is one of `known`. */
function resolveSpec(spec: string, from: string, known: Set<string>): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (known.has(candidate)) return candidate;
  return base; // e.g. lib/generated/…: outside the scan, still a path the rules can match
}

// Parsed once per file: the "can fail" cases below re-check the whole code base plus one file.
const parsed = new WeakMap<SourceFile, ParsedFile>();
function parse(src: SourceFile, known: Set<string>): ParsedFile {
  let p = parsed.get(src);
  if (!p) parsed.set(src, (p = parseFile(src, known)));
  return p;
}

function parseFile(src: SourceFile, known: Set<string>): ParsedFile {
  const sf = ts.createSourceFile(src.file, src.text, ts.ScriptTarget.Latest, true, src.file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: Import[] = [];
  const clockReads: string[] = [];
  const add = (spec: string, typeOnly = false) => imports.push({ spec, typeOnly, target: resolveSpec(spec, src.file, known) });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, node.isTypeOnly);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression))
      add(node.moduleReference.expression.text, node.isTypeOnly);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) add(node.argument.literal.text, true);
    if (ts.isCallExpression(node)) {
      const [arg] = node.arguments;
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      if ((isImport || isRequire) && arg && ts.isStringLiteral(arg)) add(arg.text);
      const callee = node.expression.getText(sf);
      if (callee === "Date.now" || callee === "performance.now" || callee === "Math.random") clockReads.push(`${callee}()`);
    }
    if (ts.isNewExpression(node) && node.expression.getText(sf) === "Date" && (node.arguments?.length ?? 0) === 0) clockReads.push("new Date()");
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const first = sf.statements[0];
  const client = !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use client";
  return { file: src.file, client, imports, clockReads };
}

/** `import type {…}`, or every named binding marked `type` (and no default or namespace import). */
function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // import "x": runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

const under = (file: string | null, dir: string) => file !== null && (file === dir || file.startsWith(`${dir}/`));
const bare = (spec: string) => spec.replace(/^node:/, "");
const isNodeIo = (spec: string) =>
  spec.startsWith("node:") ? NODE_IO.includes(bare(spec)) || NODE_IO.some((m) => bare(spec).startsWith(`${m}/`)) : NODE_IO.includes(spec);
const isRouteFile = (file: string) => file.startsWith("app/") && /\/route\.tsx?$/.test(file);
/** Schema modules: the zod schemas and route contracts that the dashboard shares with the server. */
const isSchemaModule = (file: string) => /^lib\/(.+\/)?(schemas|contract)\.ts$/.test(file);

// A server module runs only on the server: it imports a server-only package (Node's modules, the
// database, `server-only`, next/server, next/headers) or the environment (lib/settings.ts), or
// imports — as a value, not as a type — a module that does.
const SERVER_PACKAGES = [
  "server-only",
  "next/server",
  "next/headers",
  "pg",
  "prisma",
  "better-auth",
  "better-auth/next-js",
  "better-auth/plugins",
  "standardwebhooks",
  "@electric-sql/pglite",
  "@electric-sql/pglite-socket",
];
const isServerPackage = (spec: string) =>
  spec.startsWith("node:") ||
  builtinModules.includes(spec) ||
  SERVER_PACKAGES.includes(spec) ||
  spec.startsWith("@prisma/") ||
  spec.startsWith("@electric-sql/");
const isServerSeed = (target: string | null) => under(target, "lib/db") || under(target, "lib/generated") || target === "lib/settings.ts";

function serverModules(parsedFiles: ParsedFile[]): Set<string> {
  const server = new Set<string>();
  for (const f of parsedFiles)
    if (isServerSeed(f.file) || f.imports.some((i) => !i.typeOnly && (isServerPackage(i.spec) || isServerSeed(i.target)))) server.add(f.file);
  for (let grew = true; grew;) {
    grew = false;
    for (const f of parsedFiles) {
      if (server.has(f.file)) continue;
      if (f.imports.some((i) => !i.typeOnly && i.target !== null && server.has(i.target))) {
        server.add(f.file);
        grew = true;
      }
    }
  }
  return server;
}

/** Every broken rule in these files; [] when the house is in order. */
export function checkArchitecture(files: SourceFile[]): Violation[] {
  const known = new Set(files.map((f) => f.file));
  const out: Violation[] = [];
  const parsedFiles = files.map((src) => parse(src, known));
  const server = serverModules(parsedFiles);
  const isServer = (imp: Import) => isServerPackage(imp.spec) || isServerSeed(imp.target) || (imp.target !== null && server.has(imp.target));
  for (const f of parsedFiles) {
    const flag = (rule: string, what: string) => out.push({ rule, file: f.file, what });
    for (const imp of f.imports) {
      const { spec, target } = imp;
      if (isSchemaModule(f.file) && isServer(imp))
        flag(
          "schemas-no-server",
          `imports ${spec}${imp.typeOnly ? " (a type)" : ""}: a schema module imports zod, the engine's constants and other schema modules only`,
        );
      if (f.client && !imp.typeOnly && isServer(imp)) flag("client-no-server", `imports ${spec}: a server module in a "use client" file`);
      if (under(f.file, "lib/engine")) {
        if (spec === "next" || spec.startsWith("next/")) flag("engine-pure", `imports ${spec}`);
        if (spec === "prisma" || spec.startsWith("@prisma/") || under(target, "lib/generated") || under(target, "lib/db"))
          flag("engine-pure", `imports ${spec}`);
        if (isNodeIo(spec)) flag("engine-pure", `imports ${spec}`);
        if (target !== null && !under(target, "lib/engine")) flag("engine-pure", `imports ${spec}: the engine depends on nothing else in the repository`);
      }
      if (under(f.file, "lib/webhooks") && under(target, "lib/worker"))
        flag("webhooks-worker", `imports ${spec}: webhooks must not depend on the worker (use lib/wake.ts)`);
      if (under(f.file, "lib/worker") && under(target, "lib/webhooks") && !["lib/webhooks/enqueue.ts", "lib/webhooks/delivery-loop.ts"].includes(target!)) {
        flag("webhooks-worker", `imports ${spec}: the worker only enqueues deliveries and starts the delivery loop`);
      }
      const http = HTTP_MODULES.includes(spec) || target === "lib/api/errors.ts";
      if (http && !under(f.file, "app") && !under(f.file, "lib/api") && !under(f.file, "scripts"))
        flag("http-at-the-edge", `imports ${spec}: only lib/api and app/ know HTTP; throw lib/errors.ts errors`);
      if (isRouteFile(f.file) && (under(target, "lib/db") || under(target, "lib/generated") || spec.startsWith("@prisma/") || spec === "pg")) {
        flag("routes-no-db", `imports ${spec}: a route calls lib/ with the db apiRoute hands it`);
      }
    }
    if (under(f.file, "lib/engine")) for (const read of f.clockReads) flag("engine-pure", `reads the clock or randomness: ${read}`);
  }
  for (const src of files) {
    if (!isRouteFile(src.file)) continue;
    const query = src.text.match(
      /\bdb\.\$?\w+\.(findFirst|findUnique|findMany|create|update|upsert|delete|count|aggregate|groupBy)\w*\(|\$(queryRaw|executeRaw|transaction)/,
    );
    if (query) out.push({ rule: "routes-no-db", file: src.file, what: `queries the database itself (${query[0]}): move it into lib/` });
  }
  return out;
}

describe("architecture (docs/architecture.md)", () => {
  const files = sourceFiles();

  it("reads the whole code base", () => {
    const names = new Set(files.map((f) => f.file));
    for (const f of ["lib/engine/evaluate.ts", "lib/api/handler.ts", "app/api/v1/jobs/route.ts", "lib/webhooks/delivery-loop.ts", "lib/worker/job-loop.ts"])
      expect(names).toContain(f);
    expect([...names].some((f) => f.startsWith("lib/generated/"))).toBe(false);
  });

  it("keeps every rule", () => {
    expect(checkArchitecture(files)).toEqual([]);
  });

  // The checker must be able to fail: each forbidden import, added to a copy of the real code
  // base, is reported under its rule.
  it.each([
    ["engine-pure", "lib/engine/extra.ts", `import fs from "node:fs";\nexport const x = fs;`],
    ["engine-pure", "lib/engine/extra.ts", `import { NextResponse } from "next/server";\nexport const x = NextResponse;`],
    ["engine-pure", "lib/engine/extra.ts", `import type { PrismaClient } from "@/lib/generated/prisma/client";\nexport type X = PrismaClient;`],
    ["engine-pure", "lib/engine/extra.ts", `import { settings } from "@/lib/settings";\nexport const x = settings;`],
    ["engine-pure", "lib/engine/extra.ts", `export const today = () => new Date();`],
    ["engine-pure", "lib/engine/extra.ts", `export const t = () => Date.now();`],
    ["engine-pure", "lib/engine/extra.ts", `export const t = () => performance.now();`],
    ["webhooks-worker", "lib/webhooks/extra.ts", `import { claimJobs } from "../worker/queue";\nexport const x = claimJobs;`],
    ["webhooks-worker", "lib/worker/extra.ts", `import { attemptDelivery } from "@/lib/webhooks/deliver";\nexport const x = attemptDelivery;`],
    ["http-at-the-edge", "lib/pools/extra.ts", `import { ApiError } from "@/lib/api/errors";\nexport const x = ApiError;`],
    ["http-at-the-edge", "components/extra.tsx", `import { NextResponse } from "next/server";\nexport const x = NextResponse;`],
    ["routes-no-db", "app/api/v1/extra/route.ts", `import { prisma } from "@/lib/db/client";\nexport const GET = () => prisma();`],
    ["routes-no-db", "app/api/v1/extra/route.ts", `export const GET = apiRoute(async (_req, { db }) => json(await db.job.findMany({})));`],
    ["schemas-no-server", "lib/extra/schemas.ts", `import type { PrismaClient } from "@/lib/generated/prisma/client";\nexport type X = PrismaClient;`],
    ["schemas-no-server", "lib/extra/schemas.ts", `import type { Principal } from "@/lib/auth/principal";\nexport type X = Principal;`],
    ["schemas-no-server", "lib/extra/contract.ts", `import { settings } from "@/lib/settings";\nexport const x = settings;`],
    ["schemas-no-server", "lib/jobs/schemas.ts", `import { newEvalId } from "@/lib/ids";\nexport const x = newEvalId;`],
    ["client-no-server", "components/extra.tsx", `"use client";\nimport { prisma } from "@/lib/db/client";\nexport const x = prisma;`],
    ["client-no-server", "components/extra.tsx", `"use client";\nimport { getJob } from "@/lib/jobs/read";\nexport const x = getJob;`],
    ["client-no-server", "app/extra/form.tsx", `"use client";\nimport crypto from "node:crypto";\nexport const x = crypto;`],
  ])("reports %s for %s", (rule, file, text) => {
    const violations = checkArchitecture([...files, { file, text }]);
    expect(violations.map((v) => `${v.rule} ${v.file}`)).toContain(`${rule} ${file}`);
  });

  it("allows what the rules allow", () => {
    const allowed = [
      {
        file: "lib/engine/extra.ts",
        text: `import { z } from "zod";\nimport { evaluate } from "./evaluate";\nexport const at = (iso: string) => new Date(iso);\nexport const x = [z, evaluate];`,
      },
      { file: "lib/pools/extra.ts", text: `import { notFound } from "@/lib/errors";\nexport const x = notFound;` },
      {
        file: "app/api/v1/extra/route.ts",
        text: `import { getJob } from "@/lib/jobs/read";\nexport const GET = apiRoute(async (_req, { db }) => json(await getJob(db, "o", "e")));`,
      },
      {
        file: "lib/extra/schemas.ts",
        text: `import { z } from "zod";\nimport { JobStatus } from "@/lib/jobs/schemas";\nimport { LEVELS } from "@/lib/engine/types";\nexport const x = [z, JobStatus, LEVELS];`,
      },
      {
        file: "components/extra.tsx",
        text: `"use client";\nimport type { Trace } from "@/lib/traces/trace";\nimport { TraceJson } from "@/lib/traces/schemas";\nexport type X = Trace;\nexport const x = TraceJson;`,
      },
      { file: "components/extra-server.tsx", text: `import { getJob } from "@/lib/jobs/read";\nexport const x = getJob;` },
    ];
    expect(checkArchitecture([...files, ...allowed])).toEqual([]);
  });
});
