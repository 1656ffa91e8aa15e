import pg from "pg";

// One connection per process that LISTENs to PostgreSQL notifications and hands each payload to
// the handler of its channel. Prisma has no LISTEN, so this is a plain `pg` client (the driver
// Prisma's adapter uses). If the connection drops it reconnects with backoff and calls
// `onConnect(reconnected)`, so callers can catch up on whatever they may have missed meanwhile.
// Only on a PostgreSQL server: the embedded database has a single process to tell.

export type Handlers = Record<string, (payload: string) => void>;

export function listen(url: string, handlers: Handlers, opts: { onConnect?: (reconnected: boolean) => void; log?: (msg: string) => void } = {}) {
  const log = opts.log ?? (() => {});
  let client: pg.Client | null = null;
  let stopped = false;
  let connectedBefore = false;
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
    c.on("notification", (n) => handlers[n.channel]?.(n.payload ?? ""));
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
      for (const channel of Object.keys(handlers)) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (stopped) return void (await c.end().catch(() => {}));
      client = c;
      backoffMs = 250;
      opts.onConnect?.(connectedBefore);
      connectedBefore = true;
    } catch (err) {
      log(`listen failed: ${(err as Error).message}`);
      void c.end().catch(() => {});
      reconnectLater();
    }
  }

  void connect();
  return {
    /** True while a connection is LISTENing. */
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
