import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

// A webhook receiver on 127.0.0.1 for tests: it records every request (path, headers, body) and
// answers with what `reply(path)` says. Tests reach it with WEBHOOK_ALLOW_PRIVATE=1.

export interface Hit {
  path: string;
  /** as received; webhook headers are single-valued */
  headers: Record<string, string>;
  body: string;
}
export type Reply = (res: http.ServerResponse) => void;

export function webhookReceiver(reply: (path: string) => Reply) {
  const hits: Hit[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      hits.push({ path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
      reply(path)(res);
    });
  });
  server.on("connection", (s) => {
    connections += 1;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return {
    hits,
    /** http://127.0.0.1:<port>, once started */
    base: "",
    /** TCP connections accepted so far */
    get connections() {
      return connections;
    },
    hitsOn: (path: string) => hits.filter((h) => h.path === path),
    /** Forget what was received so far (between tests). */
    reset() {
      hits.length = 0;
      connections = 0;
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    /** Closes the server, cutting connections still open (a receiver that stalls, say). */
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
