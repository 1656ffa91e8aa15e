import { describe, expect, it } from "vitest";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { newWebhookSecret } from "../../lib/webhooks/secret";
import { newWebhookId, signPayload, webhookHeaders } from "../../lib/webhooks/sign";

const SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("signPayload", () => {
  it("reproduces the Standard Webhooks specification vector", () => {
    const signature = signPayload({
      secrets: [SPEC_SECRET],
      webhookId: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(signature).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("signs with every secret during rotation, space separated, in order", () => {
    const other = newWebhookSecret();
    const input = { webhookId: "msg_1", timestamp: 1614265330, body: "{}" };
    const both = signPayload({ ...input, secrets: [SPEC_SECRET, other] });
    expect(both).toBe(`${signPayload({ ...input, secrets: [SPEC_SECRET] })} ${signPayload({ ...input, secrets: [other] })}`);
    expect(both.split(" ")).toHaveLength(2);
  });

  it("refuses no secrets, secrets without whsec_, fractional timestamps and header-breaking ids", () => {
    const ok = { secrets: [SPEC_SECRET], webhookId: "msg_1", timestamp: 1, body: "" };
    expect(() => signPayload({ ...ok, secrets: [] })).toThrow(/secret/);
    expect(() => signPayload({ ...ok, secrets: ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] })).toThrow(/whsec_/);
    expect(() => signPayload({ ...ok, timestamp: 1.5 })).toThrow(/timestamp/);
    expect(() => signPayload({ ...ok, webhookId: "msg 1\r\nx: y" })).toThrow(/webhook id/);
  });
});

describe("webhookHeaders", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const body = JSON.stringify({ eval_id: "eval_7xKp2mNc", status: "completed", note: "naïve – ✓" });

  it("returns the Standard Webhooks headers, content type and user agent", () => {
    const timestamp = now();
    const headers = webhookHeaders({ secrets: [SPEC_SECRET], webhookId: "msg_abc", timestamp, body, version: "0.1.0" });
    expect(headers).toEqual({
      "webhook-id": "msg_abc",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signPayload({ secrets: [SPEC_SECRET], webhookId: "msg_abc", timestamp, body }),
      "content-type": "application/json",
      "user-agent": "Nexio-Webhooks/0.1.0 (+https://usenexio.com)",
    });
  });

  it("is accepted by the standardwebhooks package's Webhook#verify", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({ secrets: [secret], webhookId: newWebhookId(), timestamp: now(), body, version: "1" });
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("verifies with either secret while both old and new are active", () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const headers = webhookHeaders({
      secrets: [oldSecret, newSecret],
      webhookId: newWebhookId(),
      timestamp: now(),
      body,
      version: "1",
    });
    expect(new Webhook(oldSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(newSecret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it("fails verification when the body is altered", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders({ secrets: [secret], webhookId: newWebhookId(), timestamp: now(), body, version: "1" });
    expect(() => new Webhook(secret).verify(body.replace("completed", "failed"), headers)).toThrow(WebhookVerificationError);
  });
});

describe("newWebhookSecret", () => {
  it("is whsec_ + base64 of 32 random bytes", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});

describe("newWebhookId", () => {
  it("is msg_ + at least 22 base62 characters, unique", () => {
    const ids = new Set(Array.from({ length: 1000 }, newWebhookId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^msg_[0-9A-Za-z]{22,}$/);
  });
});
