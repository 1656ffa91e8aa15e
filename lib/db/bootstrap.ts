import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { Settings } from "@/lib/settings";
import { openEmbedded } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

// What every entry point (start, worker, CLI) does first: reach the database — the configured
// PostgreSQL, or the embedded one under DATA_DIR — and make sure its schema is current.

export interface Database {
  url: string;
  embedded: boolean;
  /** this process opened the embedded files and serves them to the others */
  owner: boolean;
  stop(): Promise<void>;
}

export async function connectDatabase(s: Settings, opts: { port?: number } = {}): Promise<Database> {
  if (s.DATABASE_URL) {
    await migrate(s.DATABASE_URL);
    return { url: s.DATABASE_URL, embedded: false, owner: false, stop: async () => {} };
  }
  const db = await openEmbedded(path.resolve(s.DATA_DIR), opts);
  try {
    await migrate(db.url);
  } catch (err) {
    await db.stop();
    throw err;
  }
  return { url: db.url, embedded: true, owner: db.owner, stop: db.stop };
}

/** better-auth's signing secret: AUTH_SECRET, or one made once and kept under DATA_DIR. */
export function authSecret(s: Settings): string {
  if (s.AUTH_SECRET) return s.AUTH_SECRET;
  const file = path.join(path.resolve(s.DATA_DIR), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
