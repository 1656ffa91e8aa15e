import crypto from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Random base62 string, uniform (rejection sampling: 62 does not divide 256). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** `eval_` + 16 base62 characters (≈ 95 random bits): unique and unguessable, never a counter. */
export const newEvalId = () => `eval_${randomBase62(16)}`;

// Row ids are a prefix + 20 base62 characters (newId below); anything else cannot exist,
// so it is a 404 before any query. The patterns live in lib/id-patterns.ts (no node:crypto).
export { EVAL_ID_PATTERN, SHARE_LINK_ID_PATTERN, API_KEY_ID_PATTERN } from "@/lib/id-patterns";

/** Internal row ids. */
export const newId = (prefix: string) => `${prefix}_${randomBase62(20)}`;

export const sha256Hex = (value: string) => crypto.createHash("sha256").update(value).digest("hex");
