// Dashboard benchmark: first-load JavaScript per page (compressed bytes on the wire, as `next start`
// serves them) and the time for the results page to render every eligible candidate of
// carriers:all. `npx tsx bench/dashboard.ts` (Debian Chromium at /usr/bin/chromium).
import { chromium, type Page } from "@playwright/test";
import { startServer, cli, percentile, round } from "./lib";

const server = await startServer(3304);
const key = cli(server.env, "keys", "create", "--org", "demo");
// The broadest demo profile: Texas general liability leaves the most carriers eligible.
const res = await fetch(`${server.url}/api/v1/jobs`, {
  method: "POST",
  headers: { "content-type": "application/json", "x-api-key": key },
  body: JSON.stringify({ profile: { entity: "lone-star-services", state: "TX", line: "general_liability", revenue: 2_500_000 }, pool: "carriers:all" }),
});
const { eval_id } = (await res.json()) as { eval_id: string };
let eligible = 0;
for (;;) {
  const job = (await (await fetch(`${server.url}/api/v1/jobs/${eval_id}`, { headers: { "x-api-key": key } })).json()) as { status: string; filtered: number };
  if (job.status === "completed") {
    eligible = job.filtered;
    break;
  }
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await context.newPage();

async function firstLoadJs(p: Page, path: string) {
  // A fresh page without cache so every script is fetched.
  const scripts = new Map<string, number>();
  const onResponse = async (r: import("@playwright/test").Response) => {
    if (r.request().resourceType() !== "script") return;
    const sizes = await r
      .request()
      .sizes()
      .catch(() => null);
    if (sizes && sizes.responseBodySize > 0) scripts.set(r.url(), sizes.responseBodySize);
  };
  p.on("response", onResponse);
  await p.goto(`${server.url}${path}`, { waitUntil: "load" });
  await p.waitForTimeout(1000); // late chunks after hydration; networkidle never comes on pages that poll
  p.off("response", onResponse);
  return [...scripts.values()].reduce((a, b) => a + b, 0);
}

const signIn = async () => {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Email").fill("demo@nexio.local");
  await page.getByLabel("Password").fill("nexio-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
};

// Each page in a context of its own, so its scripts come over the wire, not from the cache.
const fresh = async (path: string, storageState?: Awaited<ReturnType<typeof context.storageState>>) => {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState });
  const bytes = await firstLoadJs(await ctx.newPage(), path);
  await ctx.close();
  return bytes;
};
const sizes: Record<string, number> = {};
sizes["/sign-in"] = await fresh("/sign-in");
sizes["/docs/api"] = await fresh("/docs/api");
await signIn();
const signedIn = await context.storageState();
for (const path of ["/jobs/new", "/jobs", `/jobs/${eval_id}`, `/traces/${eval_id}`, "/settings/api-keys"]) {
  sizes[path.replace(eval_id, "{eval_id}")] = await fresh(path, signedIn);
}
for (const [path, bytes] of Object.entries(sizes)) console.log(JSON.stringify({ bench: "first_load_js", page: path, kib_compressed: round(bytes / 1024) }));

const times: number[] = [];
for (let i = 0; i < 7; i++) {
  const p = await context.newPage();
  const t0 = Date.now();
  await p.goto(`${server.url}/jobs/${eval_id}`);
  await p.locator('[data-testid="results-ready"]').waitFor({ state: "attached", timeout: 60_000 });
  times.push(Date.now() - t0);
  const rows = await p.locator("[data-testid=candidate-row]").count();
  if (i === 0 && rows !== eligible) console.error(`warning: ${rows} rows rendered, ${eligible} eligible`);
  await p.close();
}
console.log(
  JSON.stringify({ bench: "results_render", eligible, runs: times.length, median_ms: percentile(times.slice(1), 50), p90_ms: percentile(times.slice(1), 90) }),
);

await browser.close();
await server.stop();
