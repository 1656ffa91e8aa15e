import pg from "pg";
import { wakeWorkers } from "@/lib/worker/wake";

// Cross-process wake on PostgreSQL. A trigger NOTIFYs "nexio_work" whenever jobs are inserted
// (prisma/migrations/20261129000000_work_notify); this keeps one connection LISTENing and wakes
// the loops of this process, so a worker in another process than the one that took the
// submission claims it at once instead of at its next poll. Polling stays as the safety net: a
// notification lost with a dropped connection only costs latency, and after every (re)connect
// the loops are woken to catch up on whatever arrived meanwhile.
//
// Prisma has no LISTEN, so this is a plain `pg` client (the driver Prisma's adapter uses).

export const WORK_CHANNEL = "nexio_work";

export function listenForWork(url: string, log: (msg: string) => void = () => {}) {
  let client: pg.Client | null = null;
  let stopped = false;
  let backoffMs = 250;
  let retry: NodeJS.Timeout | undefined;

  const reconnectLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, backoffMs);
    backoffMs = Math.min(backoffMs * 2, 10_000);
  };

  async function connect() {
    const c = new pg.Client({ connectionString: url, application_name: "nexio-listen" });
    c.on("notification", () => wakeWorkers());
    c.on("error", (err) => {
      log(`listen connection lost: ${err.message}`);
      if (client === c) client = null;
      void c.end().catch(() => {});
      reconnectLater();
    });
    c.on("end", () => {
      if (client !== c) return;
      client = null;
      log("listen connection ended");
      reconnectLater();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${WORK_CHANNEL}`);
      if (stopped) return void (await c.end().catch(() => {}));
      client = c;
      backoffMs = 250;
      wakeWorkers();
    } catch (err) {
      log(`listen failed: ${(err as Error).message}`);
      void c.end().catch(() => {});
      reconnectLater();
    }
  }

  void connect();
  return {
    /** True while a connection is LISTENing (for tests and health output). */
    get listening() {
      return client !== null;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
