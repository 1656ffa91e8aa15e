import type { PGlite } from "@electric-sql/pglite";

// A replacement for @electric-sql/pglite-socket 0.2.17's query queue. PGlite is one PostgreSQL
// session shared by every socket connection; the library's queue interleaves connections message
// by message, so two clients' extended-protocol sequences (Parse, Bind, Describe, Execute, Sync)
// mix and one client's Bind lands on the other's statement ("bind message supplies 15 parameters,
// but prepared statement "" requires 3" — reproduced here with Prisma under load). This queue
// keeps the library's rule (inside a transaction only its connection runs) and adds the missing
// one: once a connection starts an extended-protocol sequence, only it runs until its Sync.
// tests/db/embedded-concurrency.db.test.ts proves the difference.

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (n: number) => void;
  reject: (e: unknown) => void;
};

// Parse, Bind, Describe, Execute, Close, Flush: messages that belong to an unfinished sequence.
const EXTENDED = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const SYNC = "S".charCodeAt(0);

export class SequenceSafeQueue {
  private queue: Item[] = [];
  private processing = false;
  private lastHandlerId: number | null = null;
  /** The connection in the middle of an extended-protocol sequence, if any. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      if (!this.processing) void this.process();
    });
  }

  private exclusiveHandler(): number | null {
    if (this.owner !== null) return this.owner;
    if (this.db.isInTransaction() && this.lastHandlerId !== null) return this.lastHandlerId;
    return null;
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const only = this.exclusiveHandler();
        const index = only === null ? 0 : this.queue.findIndex((q) => q.handlerId === only);
        if (index === -1) break; // the owner has not sent its next message yet: wait for it
        const [item] = this.queue.splice(index, 1);
        const type = item.message[0];
        if (EXTENDED.has(type)) this.owner = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          if (this.owner === item.handlerId) this.owner = null;
          item.reject(err);
          continue;
        }
        if (type === SYNC && this.owner === item.handlerId) this.owner = null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that went away mid-sequence or mid-transaction must not block the others. */
  async clearTransactionIfNeeded(handlerId: number) {
    let changed = false;
    if (this.owner === handlerId) {
      this.owner = null;
      changed = true;
    }
    if (this.db.isInTransaction() && this.lastHandlerId === handlerId) {
      await this.db.exec("ROLLBACK");
      this.lastHandlerId = null;
      changed = true;
    }
    if (changed && !this.processing) void this.process();
  }
}
