import type { PGlite } from "@electric-sql/pglite";
import type { Socket } from "node:net";

// A replacement for @electric-sql/pglite-socket 0.2.17's query queue and message handling. PGlite
// is one PostgreSQL session shared by every socket connection.
//
// 1. Sequences. The library's queue interleaves connections message by message, so two clients'
//    extended-protocol sequences (Parse, Bind, Describe, Execute, Sync) mix and one client's Bind
//    lands on the other's statement ("bind message supplies 15 parameters, but prepared statement
//    "" requires 3" — reproduced here with Prisma under load). This queue keeps the library's rule
//    (inside a transaction only its connection runs) and adds the missing one: once a connection
//    starts an extended-protocol sequence, only it runs until its Sync.
//    tests/db/embedded-concurrency.db.test.ts proves the difference.
// 2. Batches. The library hands PGlite one message at a time and writes each answer to the socket
//    on its own: five calls and five socket writes per statement. `batchSocketMessages` hands
//    PGlite every complete message a connection has sent (PGlite runs them in order, as a server
//    reads its input) and answers with one write (docs/performance.md).
// 3. Lanes. Connections that say `application_name=nexio-bulk` (the worker's batch lane) wait
//    while other connections have statements queued, except that every 8th turn goes to the
//    oldest waiting statement, so a flood of interactive work slows a batch but cannot stop it.

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
export const BULK_APPLICATION_NAME = "nexio-bulk";
const BULK_PASS_EVERY = 8;

/** The connection that holds the sequence after `message` (one or more whole messages) ran, given who held it before. */
function ownerAfter(message: Uint8Array, handlerId: number, owner: number | null): number | null {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  for (let off = 0; off + 5 <= message.byteLength; off += 1 + view.getInt32(off + 1)) {
    const type = message[off];
    if (EXTENDED.has(type)) owner = handlerId;
    else if (type === SYNC && owner === handlerId) owner = null;
  }
  return owner;
}

export class SequenceSafeQueue {
  private queue: Item[] = [];
  private processing = false;
  private lastHandlerId: number | null = null;
  /** The connection in the middle of an extended-protocol sequence, if any. */
  private owner: number | null = null;
  private readonly bulk = new Set<number>();
  private bulkPassed = 0;

  constructor(private readonly db: PGlite) {}

  /** Mark a connection as the batch lane's (it yields to the others). */
  setBulk(handlerId: number) {
    this.bulk.add(handlerId);
  }

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

  private next(): number {
    const only = this.exclusiveHandler();
    if (only !== null) return this.queue.findIndex((q) => q.handlerId === only);
    if (this.bulk.size === 0 || !this.bulk.has(this.queue[0].handlerId)) return 0;
    const other = this.queue.findIndex((q) => !this.bulk.has(q.handlerId));
    if (other === -1 || this.bulkPassed >= BULK_PASS_EVERY) {
      this.bulkPassed = 0;
      return 0;
    }
    this.bulkPassed++;
    return other;
  }

  private async process() {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.next();
        if (index === -1) break; // the owner has not sent its next message yet: wait for it
        const [item] = this.queue.splice(index, 1);
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
        this.owner = ownerAfter(item.message, item.handlerId, this.owner);
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
    this.bulk.delete(handlerId);
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

// The library's handler, as far as handleData uses it.
interface Handler {
  socket: Socket | null;
  active: boolean;
  messageBuffer: Buffer;
  queryQueue: SequenceSafeQueue;
  handlerId: number;
  handleSslRequest(): boolean;
  handleCancelRequest(): boolean;
  /** set here once the startup message went through */
  nexioStarted?: boolean;
}

const PROTOCOL_3 = 196608;

/** application_name from a startup message (length, protocol, then name/value C strings). */
function applicationName(startup: Buffer): string | null {
  const parts = startup.subarray(8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i] === "application_name") return parts[i + 1];
  return null;
}

async function handleData(this: Handler, data: Buffer): Promise<number> {
  if (!this.socket || !this.active) return 0;
  this.messageBuffer = this.messageBuffer.length === 0 ? data : Buffer.concat([this.messageBuffer, data]);
  let written = 0;
  while (this.messageBuffer.length > 0) {
    if (this.handleSslRequest() || this.handleCancelRequest()) continue;
    const buf = this.messageBuffer;
    let end = 0;
    if (!this.nexioStarted) {
      // The startup message has no type byte: length, then the protocol version (PGlite answers
      // anything else with an error, as it did behind the library's handler).
      if (buf.length < 8) break;
      const len = buf.readInt32BE(0);
      if (len < 8) {
        this.socket.destroy(); // not PostgreSQL's protocol
        break;
      }
      if (buf.length < len) break;
      end = len;
      this.nexioStarted = true;
      if (buf.readInt32BE(4) === PROTOCOL_3 && applicationName(buf.subarray(0, len)) === BULK_APPLICATION_NAME) this.queryQueue.setBulk(this.handlerId);
    } else {
      // Every complete message received so far, in one go.
      while (end + 5 <= buf.length) {
        const len = 1 + buf.readInt32BE(end + 1);
        if (len < 5) {
          this.socket.destroy(); // a length no message can have
          return written;
        }
        if (end + len > buf.length) break;
        end += len;
      }
      if (end === 0) break;
    }
    const message = buf.subarray(0, end);
    this.messageBuffer = buf.subarray(end);
    const out: Buffer[] = [];
    await this.queryQueue.enqueue(this.handlerId, new Uint8Array(message), (chunk) => {
      if (chunk.length > 0) out.push(Buffer.from(chunk));
    });
    if (!this.active || !this.socket) break;
    const answer = out.length === 1 ? out[0] : Buffer.concat(out);
    written += answer.length;
    if (answer.length > 0 && this.socket.writable) this.socket.write(answer);
  }
  return written;
}

/** Replace the socket library's per-message handling with the batched one above (for every handler of the class). */
export function batchSocketMessages(HandlerClass: { prototype: object }) {
  (HandlerClass.prototype as { handleData: typeof handleData }).handleData = handleData;
}
