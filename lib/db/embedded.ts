import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { SequenceSafeQueue, batchSocketMessages } from "@/lib/db/pglite-queue";
import { settings } from "@/lib/settings";

// The embedded default: PGlite (PostgreSQL compiled to WASM) with its files under DATA_DIR, served
// over the PostgreSQL wire protocol on 127.0.0.1 so every process connects to it with `pg`
// exactly as it would to a real server: one schema, one generated client, one set of SQL.
// PGlite can be opened by one process only, so the process that opens it writes
// DATA_DIR/embedded-db.json; others (the CLI, `npm run worker`) reach it through that port.

export interface EmbeddedDatabase {
  url: string;
  /** true when this process opened the files (and must stop them) */
  owner: boolean;
  stop(): Promise<void>;
}

interface LockFile {
  pid: number;
  port: number;
}

const lockPath = (dataDir: string) => path.join(dataDir, "embedded-db.json");
const urlFor = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// Durability. PGlite 0.5 starts PostgreSQL with `-F` (fsync off), and its Emscripten file system
// (NODEFS) has no fsync and turns fdatasync into a no-op: measured with strace, 50 commits made 0
// fsync calls. Committed data was in the kernel's page cache only, so it survived a crash of the
// process but not of the machine (power loss, kernel panic), which could also corrupt the files.
// So, unless EMBEDDED_FSYNC is off (0, false, no, off): fsync on, WAL synced with fsync() (which NODEFS can be taught, unlike
// fdatasync), and NODEFS's fsync is the real fs.fsyncSync. A 202 is then answered after the job's
// commit reached the disk. Cost: docs/security.md (durability) and bench/api.ts.
type PGliteClass = typeof import("@electric-sql/pglite").PGlite;

function durableStartParams(PGlite: PGliteClass): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...defaults.filter((p) => p !== "-F"), "-c", "fsync=on", "-c", "wal_sync_method=fsync"];
}

interface NodeStream {
  nfd?: number;
}

function syncNodeFiles(db: unknown) {
  const nodefs = (db as { mod?: { FS?: { filesystems?: { NODEFS?: { stream_ops: Record<string, unknown> } } } } }).mod?.FS?.filesystems?.NODEFS;
  if (!nodefs) throw new Error("PGlite's NODEFS was not found: cannot make commits durable (set EMBEDDED_FSYNC=0 to run without)");
  nodefs.stream_ops.fsync = (stream: NodeStream) => {
    if (typeof stream.nfd === "number") fs.fsyncSync(stream.nfd);
    return 0;
  };
}

/** The URL of an embedded database another process is serving for dataDir, if any. */
export async function findRunningEmbedded(dataDir: string): Promise<string | undefined> {
  let lock: LockFile;
  try {
    lock = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8"));
  } catch {
    return undefined;
  }
  if (lock.pid !== process.pid && pidAlive(lock.pid) && (await portAnswers(lock.port))) return urlFor(lock.port);
  return undefined;
}

/** Reach the embedded database for dataDir, opening it in this process when nobody else has. */
export async function openEmbedded(dataDir: string, opts: { port?: number; durable?: boolean } = {}): Promise<EmbeddedDatabase> {
  const running = await findRunningEmbedded(dataDir);
  if (running) return { url: running, owner: false, stop: async () => {} };

  fs.mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer, PGLiteSocketHandler } = await import("@electric-sql/pglite-socket");
  const durable = opts.durable ?? settings().EMBEDDED_FSYNC;
  const db = await PGlite.create(path.join(dataDir, "pgdata"), durable ? { startParams: durableStartParams(PGlite) } : {});
  if (durable) syncNodeFiles(db);
  const port = opts.port ?? (await freePort());
  // Queries from all connections are queued onto the one PGlite instance; a pool of 10–20
  // connections per process needs room for several processes.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 100 });
  // The library's own queue interleaves clients' extended-protocol messages, and it hands PGlite
  // one message at a time: see pglite-queue.ts.
  (server as unknown as { queryQueue: SequenceSafeQueue }).queryQueue = new SequenceSafeQueue(db);
  batchSocketMessages(PGLiteSocketHandler);
  await server.start();
  fs.writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, port } satisfies LockFile));

  let stopped = false;
  return {
    url: urlFor(port),
    owner: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        const lock: LockFile = JSON.parse(fs.readFileSync(lockPath(dataDir), "utf8"));
        if (lock.pid === process.pid) fs.rmSync(lockPath(dataDir), { force: true });
      } catch {
        // no lock file: nothing to remove
      }
      await server.stop();
      await db.close();
    },
  };
}
