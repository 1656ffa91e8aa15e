import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type SignInput = {
  /** Every active secret; during rotation both old and new, so receivers holding either verify. */
  secrets: string[];
  webhookId: string;
  /** Unix seconds. */
  timestamp: number;
  /** The exact body that is sent; the signature covers these characters. */
  body: string;
};

/**
 * Standard Webhooks `webhook-signature` value: one `v1,<base64 HMAC-SHA256>` per secret, space
 * separated. The HMAC itself comes from the reference `standardwebhooks` package so that signing
 * and the receivers' verification share one implementation.
 */
export function signPayload({ secrets, webhookId, timestamp, body }: SignInput): string {
  if (secrets.length === 0) throw new Error("signPayload: at least one secret is required");
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new Error("signPayload: timestamp must be whole unix seconds");
  }
  // The id travels in a header too: refuse anything that is not a visible ASCII token.
  if (!/^[\x21-\x7e]{1,256}$/.test(webhookId)) throw new Error("signPayload: invalid webhook id");
  const signedAt = new Date(timestamp * 1000);
  const signatures = [...new Set(secrets)].map((secret) => {
    if (!secret.startsWith("whsec_")) throw new Error("signPayload: secrets must start with whsec_");
    return new Webhook(secret).sign(webhookId, signedAt, body);
  });
  return signatures.join(" ");
}

export type WebhookHeadersInput = SignInput & {
  /** Product version for the User-Agent, e.g. package.json's "version". */
  version: string;
};

export function webhookHeaders(input: WebhookHeadersInput): Record<string, string> {
  return {
    "webhook-id": input.webhookId,
    "webhook-timestamp": String(input.timestamp),
    "webhook-signature": signPayload(input),
    "content-type": "application/json",
    "user-agent": `Nexio-Webhooks/${input.version} (+https://usenexio.com)`,
  };
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const WEBHOOK_ID_LENGTH = 24; // ≈ 143 bits

/** `msg_` + 24 random base62 characters; the same id is reused on every attempt of one message. */
export function newWebhookId(): string {
  let id = "";
  while (id.length < WEBHOOK_ID_LENGTH) {
    for (const byte of randomBytes(WEBHOOK_ID_LENGTH * 2)) {
      // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely.
      if (byte < 248 && id.length < WEBHOOK_ID_LENGTH) id += BASE62[byte % 62];
    }
  }
  return "msg_" + id;
}
