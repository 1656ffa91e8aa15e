import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

// The README's typed client compiles against the published document: the types are generated
// from GET /api/v1/openapi.json's document with openapi-typescript, as the README says, and the
// example is type-checked with openapi-fetch under strict TypeScript.

const ROOT = path.resolve(import.meta.dirname, "../..");
let dir: string;

/** The ```ts block of the README's "A typed client" section. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### A typed client"));
  const block = section.match(/```ts\n([\s\S]*?)```/);
  if (!block) throw new Error("README: no ```ts block under 'A typed client'");
  return block[1];
}

/** Type errors of `files` (name → source) compiled together, strict, in `dir`. */
function typeErrors(files: Record<string, string>): string[] {
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const program = ts.createProgram(
    Object.keys(files)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(dir, f)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: ["node"],
      skipLibCheck: true,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

beforeAll(async () => {
  // Inside the repository's node_modules, so that openapi-fetch resolves as in a client's project.
  fs.mkdirSync(path.join(ROOT, "node_modules/.cache"), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, "node_modules/.cache/readme-client-"));
  const types = astToString(await openapiTS(openApiDocument("http://localhost:3000") as never));
  fs.writeFileSync(path.join(dir, "nexio.d.ts"), types);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the README's typed client", () => {
  it("compiles against the types generated from the OpenAPI document", () => {
    expect(typeErrors({ "client.ts": readmeExample() })).toEqual([]);
  }, 60_000);

  // It can fail: a field, a query parameter or a path the document does not have is a type error.
  it("fails to compile when the example asks for what the document does not publish", () => {
    const wrong = `${readmeExample()}
export async function drift() {
  await nexio.GET("/api/v1/jobs", { params: { query: { created_after: "2026-11-01" } } });
  const { data } = await nexio.GET("/api/v1/jobs/{eval_id}/deliveries", { params: { path: { eval_id: "eval_x" } } });
  return data?.data[0].no_such_field;
}
`;
    const errors = typeErrors({ "wrong.ts": wrong });
    expect(errors.some((e) => e.includes("created_after"))).toBe(true);
    expect(errors.some((e) => e.includes("no_such_field"))).toBe(true);
  }, 60_000);
});
