import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newOrg, quiesceQueues, testDb } from "@/tests/setup/db";
import { webhookReceiver } from "@/tests/setup/receiver";
import { createPrisma } from "@/lib/db/client";
import { newEvalId, newId } from "@/lib/ids";
import { resetSettingsForTests } from "@/lib/settings";
import { newWebhookId } from "@/lib/webhooks/sign";
import { DeliveryLoop } from "@/lib/webhooks/delivery-loop";

// The tarpit: organization A has 200 deliveries to a receiver that accepts the connection and never
// answers; organization B has one to a receiver that answers at once. With a global FIFO the loop's
// 4 slots all go to A's oldest rows and B waits behind every one of A's timeouts. The fair claim
// caps A at half the slots, so B's delivery is made while A's attempts are still hanging. Asserted
// on order and counts, never on durations.

const db = process.env.NEXIO_TEST_DB === "pg" ? testDb() : createPrisma(process.env.DATABASE_URL, 1);

function tarpit() {
  const sockets = new Set<net.Socket>();
  let maxOpen = 0;
  let accepted = 0;
  const server = net.createServer((s) => {
    accepted++;
    sockets.add(s);
    maxOpen = Math.max(maxOpen, sockets.size);
    s.on("error", () => {});
    s.on("close", () => sockets.delete(s));
    // read and never answer
    s.resume();
  });
  return {
    url: "",
    get open() {
      return sockets.size;
    },
    get maxOpen() {
      return maxOpen;
    },
    get accepted() {
      return accepted;
    },
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    },
    cut() {
      for (const s of sockets) s.destroy();
    },
    async stop() {
      this.cut();
      await new Promise((r) => server.close(r));
    },
  };
}

async function finishedJobs(organizationId: string, url: string, n: number) {
  const pool = await db.pool.findUniqueOrThrow({ where: { key: "carriers:all" } });
  const jobs = Array.from({ length: n }, () => ({
    id: newEvalId(),
    organizationId,
    poolId: pool.id,
    poolVersionId: pool.currentVersionId!,
    poolKey: pool.key,
    profile: { entity: "Tarpit Co" },
    entity: "Tarpit Co",
    webhookUrl: url,
    status: "failed" as const,
    errorCode: "evaluation_error",
    errorMessage: "x",
    completedAt: new Date(),
  }));
  await db.job.createMany({ data: jobs });
  await db.webhookDelivery.createMany({
    data: jobs.map((j) => ({ id: newId("dlv"), organizationId, jobId: j.id, webhookId: newWebhookId(), url })),
  });
  return jobs.map((j) => j.id);
}

const pit = tarpit();
const receiver = webhookReceiver(() => (res) => res.writeHead(200).end("ok"));
const saved = { ...process.env };

beforeAll(async () => {
  Object.assign(process.env, { WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_TIMEOUT_MS: "5000" });
  resetSettingsForTests();
  await quiesceQueues();
  await pit.start();
  await receiver.start();
});

afterAll(async () => {
  await pit.stop();
  await receiver.stop();
  await quiesceQueues();
  process.env = saved;
  resetSettingsForTests();
});

describe("webhook delivery is fair between organizations", () => {
  it("B's first attempt is made while A's 200 hang; A never holds more than its share of slots", async () => {
    const a = await newOrg("tarpit-a");
    const b = await newOrg("tarpit-b");
    await finishedJobs(a.org.id, pit.url, 200);
    // B's row is the newest of all: a FIFO would send it last.
    const [bJob] = await finishedJobs(b.org.id, `${receiver.base}/b`, 1);

    const loop = new DeliveryLoop(db, { concurrency: 4, pollMs: 20 });
    const t0 = performance.now();
    loop.start();
    try {
      for (let i = 0; ; i++) {
        const d = await db.webhookDelivery.findFirstOrThrow({ where: { jobId: bJob } });
        if (d.status === "succeeded") break;
        if (i > 500) throw new Error(`B's delivery was not made (status ${d.status}, ${pit.open} of A's attempts hanging)`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const elapsed = Math.round(performance.now() - t0);
      // A's attempts are still hanging: none of them has been recorded yet.
      expect(pit.open).toBeGreaterThan(0);
      expect(await db.webhookAttempt.count({ where: { delivery: { organizationId: a.org.id } } })).toBe(0);
      expect(pit.maxOpen).toBeLessThanOrEqual(2);
      expect(receiver.hitsOn("/b")).toHaveLength(1);
      console.log(`tarpit: B delivered ${elapsed} ms after start while ${pit.open} of A's 200 attempts hung (A at most ${pit.maxOpen} at once)`);
    } finally {
      const stopping = loop.stop(10_000);
      pit.cut();
      await stopping;
    }
  });
});
