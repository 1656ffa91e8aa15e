import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";

// Shared pieces of the benchmarks: start the product as a user would, make a key, percentiles.

export const SEED_BODY = {
  profile: { entity: "acme-manufacturing", state: "CA", line: "professional_liability", revenue: 12_000_000 },
  pool: "carriers:all",
};

export function percentile(values: number[], p: number) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

export interface Server {
  url: string;
  stop(): Promise<void>;
}

function waitExit(child: ChildProcess) {
  return new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));
}

export async function startProcess(args: string[], env: Record<string, string>, readyUrl?: string, readyText?: string, cwd?: string): Promise<ChildProcess> {
  const child = spawn("npm", args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true, cwd });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm ${args.join(" ")} exited:\n${out.slice(-2000)}`);
    if (readyText && out.includes(readyText)) break;
    if (readyUrl) {
      try {
        if ((await fetch(readyUrl)).ok) break;
      } catch {
        // not yet
      }
    }
    if (Date.now() > deadline) throw new Error(`timed out starting npm ${args.join(" ")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return child;
}

export async function stopProcess(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([waitExit(child), new Promise((r) => setTimeout(r, 20_000))]);
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // gone
  }
}

/** `npm start` on a port and data folder of its own (embedded unless env has DATABASE_URL). */
export async function startServer(port: number, env: Record<string, string> = {}, cwd?: string): Promise<Server & { env: Record<string, string> }> {
  const full = {
    PORT: String(port),
    DATA_DIR: `/tmp/nexio-bench-${port}`,
    BASE_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_PER_MINUTE: "1000000",
    // The benchmarks make their keys in the demo organization, which PostgreSQL gets only when asked.
    NEXIO_DEMO: "1",
    DATABASE_URL: "",
    ...env,
  };
  if (!full.DATABASE_URL) fs.rmSync(full.DATA_DIR, { recursive: true, force: true });
  const child = await startProcess(["start"], full, `http://127.0.0.1:${port}/api/health`, undefined, cwd);
  return { url: `http://127.0.0.1:${port}`, env: full, stop: () => stopProcess(child) };
}

export function cli(env: Record<string, string>, ...args: string[]) {
  return execFileSync("npm", ["run", "--silent", "nexio", "--", ...args], { env: { ...process.env, ...env }, encoding: "utf8" }).trim();
}

export function resetPgDatabase(name: string) {
  execFileSync("psql", ["-h", "127.0.0.1", "-U", "postgres", "-q", "-c", `DROP DATABASE IF EXISTS ${name}`, "-c", `CREATE DATABASE ${name}`]);
  return `postgresql://postgres@127.0.0.1:5432/${name}`;
}
