import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import * as jobsRoute from "@/app/api/v1/jobs/route";
import * as jobRoute from "@/app/api/v1/jobs/[evalId]/route";
import * as poolsRoute from "@/app/api/v1/pools/route";
import * as restRoute from "@/app/api/v1/[...rest]/route";
import * as deliveriesRoute from "@/app/api/v1/webhook-deliveries/route";
import * as testEventRoute from "@/app/api/v1/webhook-deliveries/test/route";
import { resetSettingsForTests } from "@/lib/settings";
import { resetRateLimitsForTests } from "@/lib/api/rate-limit";
import { ListPoolsResponse } from "@/lib/jobs/schemas";
import { newOrg } from "@/tests/setup/db";
import { call, expectError, parsed, SEED_BODY } from "@/tests/api/helpers";

// Rate limiting, unknown routes and wrong methods: all answered in the one error shape.

describe("rate limit", () => {
  const saved = process.env.RATE_LIMIT_PER_MINUTE;
  afterEach(() => {
    vi.useRealTimers();
    if (saved === undefined) delete process.env.RATE_LIMIT_PER_MINUTE;
    else process.env.RATE_LIMIT_PER_MINUTE = saved;
    resetSettingsForTests();
    resetRateLimitsForTests();
  });

  it("RATE_LIMIT_PER_MINUTE=5: the 6th request → 429 rate_limited with Retry-After and RateLimit headers", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "5";
    resetSettingsForTests();
    resetRateLimitsForTests();
    const org = await newOrg("ratelimit");
    // The bucket refills by the clock (a token every 12 s here): stop it, so that a slow machine
    // cannot earn a request back between the fifth and the sixth.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    for (let i = 0; i < 5; i++) {
      const ok = await call(poolsRoute.GET, "/api/v1/pools", { key: org.key });
      expect(ok.status, ok.text).toBe(200);
      parsed(ListPoolsResponse, ok);
      expect(ok.headers.get("ratelimit-limit")).toBe("5");
      expect(ok.headers.get("ratelimit-remaining")).toBe(String(4 - i));
    }
    const limited = await call(poolsRoute.GET, "/api/v1/pools", { key: org.key });
    const err = expectError(limited, 429, "rate_limited");
    expect(err.message).toMatch(/rate limit/i);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("ratelimit")).toMatch(/^limit=5, remaining=0, reset=\d+$/);
    expect(limited.headers.get("ratelimit-policy")).toBe("5;w=60");

    // POSTs count against the same bucket and store nothing when refused
    expectError(await call(jobsRoute.POST, "/api/v1/jobs", { key: org.key, body: SEED_BODY }), 429, "rate_limited");

    // the limit is per key: another organization's key is unaffected
    const other = await newOrg("ratelimit-other");
    expect((await call(poolsRoute.GET, "/api/v1/pools", { key: other.key })).status).toBe(200);
  });

  it("after restoring the setting, requests pass again", async () => {
    const org = await newOrg("ratelimit-restored");
    for (let i = 0; i < 7; i++) expect((await call(poolsRoute.GET, "/api/v1/pools", { key: org.key })).status).toBe(200);
  });
});

describe("unknown routes and wrong methods", () => {
  let key: string;
  afterAll(() => resetRateLimitsForTests());

  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)("%s on an unknown /api/v1 path → 404 not_found in the error shape", async (method) => {
    const handler = restRoute[method];
    const res = await call(handler, "/api/v1/nope/deeper", { method, params: { rest: ["nope", "deeper"] }, ...(method === "GET" ? {} : { body: {} }) });
    const err = expectError(res, 404, "not_found");
    expect(err.details).toEqual([]);
  });

  const wrong: [string, (req: Request, ctx: { params: Promise<never> }) => Promise<Response>, string, string][] = [
    ["PUT /api/v1/jobs", jobsRoute.PUT, "/api/v1/jobs", "GET, POST"],
    ["PATCH /api/v1/jobs", jobsRoute.PATCH, "/api/v1/jobs", "GET, POST"],
    ["DELETE /api/v1/jobs", jobsRoute.DELETE, "/api/v1/jobs", "GET, POST"],
    ["POST /api/v1/jobs/{id}", jobRoute.POST, "/api/v1/jobs/eval_0000000000000000", "GET"],
    ["DELETE /api/v1/jobs/{id}", jobRoute.DELETE, "/api/v1/jobs/eval_0000000000000000", "GET"],
    ["PUT /api/v1/pools", poolsRoute.PUT, "/api/v1/pools", "GET, POST"],
    ["DELETE /api/v1/pools", poolsRoute.DELETE, "/api/v1/pools", "GET, POST"],
    ["POST /api/v1/webhook-deliveries", deliveriesRoute.POST, "/api/v1/webhook-deliveries", "GET"],
    ["DELETE /api/v1/webhook-deliveries", deliveriesRoute.DELETE, "/api/v1/webhook-deliveries", "GET"],
    ["PATCH /api/v1/webhook-deliveries/test", testEventRoute.PATCH, "/api/v1/webhook-deliveries/test", "POST"],
    ["PUT /api/v1/webhook-deliveries/test", testEventRoute.PUT, "/api/v1/webhook-deliveries/test", "POST"],
  ];
  it.each(wrong)("%s → 405 in the error shape with Allow", async (_label, handler, path, allow) => {
    key ??= (await newOrg("methods")).key;
    const method = _label.split(" ")[0];
    const res = await call(handler, path, { method, key, ...(method === "DELETE" ? {} : { body: {} }) });
    expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe(allow);
  });
});
