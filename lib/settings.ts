import { z } from "zod";
import ipaddr from "ipaddr.js";

// Every setting Nexio reads, parsed once. A bad value stops start-up with a message naming the
// variable (SPEC §7). Anything else that wants configuration takes it from here, not process.env.

const flag = (fallback: boolean) =>
  z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["1", "true", "yes", "on"].includes(v)));

const intIn = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be an integer from ${min} to ${max}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const SettingsSchema = z.object({
  PORT: intIn(1, 65535, 3000),
  BASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^/]+$/.test(v.replace(/\/$/, "")), "must be an absolute origin such as https://nexio.example.com"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL"),
  DATA_DIR: z.string().min(1).default("./data"),
  // Sync the embedded database's commits to disk (lib/db/embedded.ts); off trades crash safety for speed.
  EMBEDDED_FSYNC: flag(true),
  WORKER_IN_PROCESS: flag(true),
  // The demo organization and its published admin login: on by default only for the embedded
  // database (lib/pools/seed.ts demoWanted); NEXIO_DEMO=1 asks for it on PostgreSQL too.
  NEXIO_DEMO: z
    .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? undefined : ["1", "true", "yes", "on"].includes(v))),
  WORKER_CONCURRENCY: intIn(1, 64, 2),
  // Threads that run the engine and encode results for this process's worker (lib/worker/engine-threads.ts);
  // 0 (the default) evaluates on the main thread. On the 2-core machines measured, threads cost
  // more CPU per job than they saved and single jobs got no faster (docs/performance.md): turn
  // them on where there are cores to spare.
  ENGINE_THREADS: intIn(0, 64, 0),
  WEBHOOK_ALLOW_PRIVATE: flag(false),
  WEBHOOK_RETRY_SCHEDULE: z
    .string()
    .default("0,5,300,1800,7200,18000,36000,36000")
    .transform((v, ctx) => {
      const parts = v.split(",").map((s) => Number(s.trim()));
      if (parts.length === 0 || parts.some((n) => !Number.isFinite(n) || n < 0)) {
        ctx.addIssue({ code: "custom", message: `must be comma-separated seconds, got "${v}"` });
        return z.NEVER;
      }
      return parts;
    }),
  WEBHOOK_TIMEOUT_MS: intIn(100, 120_000, 15_000),
  RATE_LIMIT_PER_MINUTE: intIn(1, 1_000_000, 600),
  JOB_LEASE_MS: intIn(1_000, 3_600_000, 30_000),
  // Re-check jobs queued or running at once (lib/recheck/runner.ts): new submissions wait behind at most this many.
  RECHECK_MAX_OUTSTANDING: intIn(0, 64, 1),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Load balancers / reverse proxies in front of the web processes, as IPs or CIDRs: sign-in's
  // per-address attempt limit then reads the client address behind them from X-Forwarded-For.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const list = v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = list.filter((c) => !ipaddr.isValidCIDR(c) && !ipaddr.isValid(c));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: `must be comma-separated IP addresses or CIDR ranges, got "${bad.join(", ")}"` });
        return z.NEVER;
      }
      return list;
    }),
});

export type Settings = z.output<typeof SettingsSchema> & { baseUrl: string };

export class SettingsError extends Error {}

export function parseSettings(env: Record<string, string | undefined> = process.env): Settings {
  const parsed = SettingsSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new SettingsError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const s = parsed.data;
  const baseUrl = (s.BASE_URL ?? `http://localhost:${s.PORT}`).replace(/\/$/, "");
  return { ...s, baseUrl };
}

let cached: Settings | undefined;
export function settings(): Settings {
  cached ??= parseSettings();
  return cached;
}

/** For tests that change the environment between cases. */
export function resetSettingsForTests() {
  cached = undefined;
}

/** For entry points (start, worker, CLI): the settings, or the message naming the bad variable and exit 1. */
export function settingsOrExit(): Settings {
  try {
    return parseSettings();
  } catch (err) {
    if (err instanceof SettingsError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
