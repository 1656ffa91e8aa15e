import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";

// Crash durability of the one-machine default, with a server of its own (not the suite's):
// `npm start` on a fresh data folder, jobs with webhooks submitted while the whole process tree is
// killed with SIGKILL (jobs queued and running, deliveries in flight), then a second start on the
// same folder. Every job that was acknowledged (202) must complete, and every one's webhook must
// arrive, always under one webhook-id per job (a repeat after the crash keeps the id, so receivers
// deduplicate). And a `next start` whose parent is killed alone must not keep the port.

test.describe.configure({ mode: "serial", timeout: 300_000 });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const sock = net.connect({ host: "127.0.0.1", port });
    sock.once("connect", () => (sock.destroy(), resolve(true)));
    sock.once("error", () => resolve(false));
  });

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function start(dataDir: string, port: number): ChildProcess {
  // Its own process group, so the whole tree (npm, tsx, start.ts, next start) can be killed at once.
  return spawn("npm", ["start"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      WEBHOOK_ALLOW_PRIVATE: "1",
      BASE_URL: `http://localhost:${port}`,
      RATE_LIMIT_PER_MINUTE: "100000",
    },
  });
}

async function healthy(port: number) {
  await until(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, "the server to answer", 240_000);
}

function killTree(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

function cli(dataDir: string, ...args: string[]) {
  return execFileSync("npm", ["run", "--silent", "nexio", "--", ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  }).trim();
}

/** pid → ppid and command line of every process of ours. */
function processes() {
  return execFileSync("ps", ["-e", "-o", "pid=,ppid=,pgid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), args: m[4] }));
}

test("kill -9 of the whole npm start tree with jobs queued and in flight: after a restart every acknowledged job completes and its webhook arrives under one webhook-id", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexio-crash-"));
  const port = await freePort();
  // The receiver answers after a moment, so deliveries are in flight when the tree dies.
  const received: { evalId: string; webhookId: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      received.push({ evalId: body.eval_id, webhookId: String(req.headers["webhook-id"]) });
      setTimeout(() => res.writeHead(200).end("ok"), 30);
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const hook = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/hook`;

  let server = start(dataDir, port);
  try {
    await healthy(port);
    const key = cli(dataDir, "keys", "create", "--org", "demo", "--name", "crash");
    const base = `http://127.0.0.1:${port}`;
    const acknowledged: string[] = [];
    const submit = async () => {
      const res = await fetch(`${base}/api/v1/jobs`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": key },
        body: JSON.stringify({
          profile: { entity: `crash-${acknowledged.length}`, state: "CA", line: "professional_liability", revenue: 12_000_000 },
          pool: "carriers:all",
          webhook_url: hook,
        }),
      });
      if (res.status === 202) acknowledged.push((await res.json()).eval_id);
    };
    // Submissions keep coming (5 at a time) until the tree is killed under them.
    let killed = false;
    const load = (async () => {
      while (!killed) await Promise.allSettled(Array.from({ length: 5 }, submit));
    })();
    await until(async () => acknowledged.length >= 40 && received.length >= 3, "jobs acknowledged and some webhooks sent", 120_000);
    killTree(server, "SIGKILL");
    killed = true;
    await load;
    await until(async () => !(await answers(port)), "the killed server's port to be free", 30_000);
    const ackedAtKill = acknowledged.length;
    const receivedAtKill = received.length;

    server = start(dataDir, port);
    await healthy(port);
    const statuses = await until(
      async () => {
        const all = await Promise.all(
          acknowledged.map(async (id) => (await (await fetch(`${base}/api/v1/jobs/${id}`, { headers: { "x-api-key": key } })).json()).status as string),
        );
        return all.every((s) => s === "completed" || s === "failed") ? all : null;
      },
      "every acknowledged job to finish",
      180_000,
    );
    expect(statuses.filter((s) => s === "completed")).toHaveLength(acknowledged.length);
    await until(async () => acknowledged.every((id) => received.some((r) => r.evalId === id)), "a webhook for every acknowledged job", 120_000);

    const idsPerJob = new Map<string, Set<string>>();
    for (const r of received) idsPerJob.set(r.evalId, (idsPerJob.get(r.evalId) ?? new Set()).add(r.webhookId));
    for (const id of acknowledged) expect(idsPerJob.get(id)?.size, `webhook-ids of ${id}`).toBe(1);
    const repeats = received.length - new Set(received.map((r) => r.webhookId)).size;
    console.log(
      `crash test: ${ackedAtKill} jobs acknowledged before kill -9 (${receivedAtKill} webhooks received by then); after restart ${statuses.length}/${ackedAtKill} completed, ` +
        `${idsPerJob.size} distinct jobs delivered, ${received.length} requests, ${repeats} repeats of a webhook-id (receivers deduplicate)`,
    );
  } finally {
    killTree(server, "SIGTERM");
    await until(async () => !(await answers(port)), "the server to stop", 60_000).catch(() => killTree(server, "SIGKILL"));
    receiver.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("kill -9 of next start's parent alone: the orphaned next start lets the port go", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexio-orphan-"));
  const port = await freePort();
  const server = start(dataDir, port);
  try {
    await healthy(port);
    const ours = processes().filter((p) => p.pgid === server.pid);
    const next = ours.find((p) => /next-server|next[/\\]dist[/\\]bin[/\\]next start/.test(p.args)); // next renames its process title
    expect(next, JSON.stringify(ours)).toBeDefined();
    process.kill(next!.ppid, "SIGKILL");
    await until(async () => !(await answers(port)), "the orphaned next start to free the port", 60_000);
    await until(async () => !processes().some((p) => p.pid === next!.pid), "the orphaned next start to exit", 60_000);
  } finally {
    killTree(server, "SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
