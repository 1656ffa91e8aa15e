import { randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";

/** A new per-organization signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}
