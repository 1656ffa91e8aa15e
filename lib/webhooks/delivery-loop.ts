import os from "node:os";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { randomBase62 } from "@/lib/ids";
import { settings } from "@/lib/settings";
import { onWake, wakeWorkers } from "@/lib/wake";
import { attemptDelivery, claimDueDeliveries, type AttemptReport, type ClaimedDelivery } from "@/lib/webhooks/deliver";

// Sends due webhook deliveries from this process. Runs beside the job workers (in the web process
// by default, or in `npm run worker`); any number of loops in any number of processes may share
// the table. A delivery enqueued in this process is attempted at once through the same in-process
// nudge the job workers use; the others are found by polling.

export interface DeliveryLoopOptions {
  /** Lease owner name; unique per loop. */
  owner?: string;
  /** How often to look for due deliveries when nothing nudges the loop. */
  pollMs?: number;
  /** Attempts in flight at once. */
  concurrency?: number;
  /** Attempts in flight at once for one organization (default: half of `concurrency`, at least 1). */
  perOrganization?: number;
  /** How long a claim holds a delivery; must outlast one attempt (the send timeout). */
  leaseMs?: number;
  /** How long stop() waits for attempts in flight before returning. */
  stopTimeoutMs?: number;
  /** Called after every attempt (for logs, metrics and tests). */
  onAttempt?: (delivery: ClaimedDelivery, report: AttemptReport) => void;
}

/** Nudges every loop of this process; the same signal the job workers listen to. */
export const wakeDeliveries = wakeWorkers;

export class DeliveryLoop {
  readonly owner: string;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly perOrganization: number;
  /** attempts in flight per organization, for the fair claim */
  private readonly inFlightByOrg = new Map<string, number>();
  private readonly leaseMs: number;
  private readonly stopTimeoutMs: number;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private claiming: Promise<void> | null = null;
  private claimAgain = false;
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly db: PrismaClient,
    private readonly opts: DeliveryLoopOptions = {},
  ) {
    const timeoutMs = settings().WEBHOOK_TIMEOUT_MS;
    this.owner = opts.owner ?? `dlv:${os.hostname()}:${process.pid}:${randomBase62(8)}`;
    this.pollMs = opts.pollMs ?? 250;
    this.concurrency = opts.concurrency ?? 4;
    this.perOrganization = Math.min(this.concurrency, opts.perOrganization ?? Math.max(1, Math.floor(this.concurrency / 2)));
    // Margin for the reads and the recording transaction around the send itself.
    this.leaseMs = opts.leaseMs ?? timeoutMs + 30_000;
    this.stopTimeoutMs = opts.stopTimeoutMs ?? timeoutMs + 2_000;
  }

  get isRunning() {
    return this.running;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = onWake(() => this.wake());
    this.wake();
  }

  /** Look for due deliveries now rather than at the next poll. */
  wake() {
    if (!this.running) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.claiming = this.claimAndRun()
      .catch((err) => console.error("nexio: webhook delivery loop could not claim deliveries", err))
      .finally(() => {
        this.claiming = null;
        if (!this.running) return;
        if (this.claimAgain) {
          this.claimAgain = false;
          this.wake();
        } else {
          this.timer = setTimeout(() => this.wake(), this.pollMs);
          this.timer.unref?.();
        }
      });
  }

  /**
   * Stops claiming and waits up to `timeoutMs` for the attempts in flight. An attempt still
   * running after that is recorded if the process lives on; if it does not, its delivery is
   * claimed again once the lease expires (at-least-once).
   */
  async stop(timeoutMs = this.stopTimeoutMs): Promise<{ drained: boolean }> {
    this.running = false;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.claiming;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.allSettled([...this.inFlight.values()]).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    return { drained };
  }

  private async claimAndRun() {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const claimed = await claimDueDeliveries(this.db, this.owner, free, this.leaseMs, { cap: this.perOrganization, inFlight: this.inFlightByOrg });
    // Claimed rows are attempted even if stop() was called meanwhile: stop() waits for them.
    for (const delivery of claimed) {
      if (this.inFlight.has(delivery.id)) continue; // our own earlier claim is still sending
      const org = delivery.organizationId;
      this.inFlightByOrg.set(org, (this.inFlightByOrg.get(org) ?? 0) + 1);
      const attempt = attemptDelivery(this.db, delivery, this.owner)
        .then((report) => this.opts.onAttempt?.(delivery, report))
        // A database error: the lease runs out and another claim retries (at-least-once).
        .catch((err) => console.error(`nexio: webhook delivery ${delivery.id}: attempt not recorded`, err))
        .finally(() => {
          this.inFlight.delete(delivery.id);
          const left = (this.inFlightByOrg.get(org) ?? 1) - 1;
          if (left > 0) this.inFlightByOrg.set(org, left);
          else this.inFlightByOrg.delete(org);
          // A slot is free: more may be due already.
          this.wake();
        });
      this.inFlight.set(delivery.id, attempt);
    }
  }
}

export function startDeliveryLoop(db: PrismaClient, opts: DeliveryLoopOptions = {}) {
  const loop = new DeliveryLoop(db, opts);
  loop.start();
  return { loop, stop: (timeoutMs?: number) => loop.stop(timeoutMs) };
}
