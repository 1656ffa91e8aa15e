import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/auth/[...all]/route";
import { SIGN_IN_PER_MINUTE } from "@/lib/auth/sign-in-limit";
import { newOrg, newUser } from "@/tests/setup/db";

// Sign-in attempts are limited per account as well as per address: guessing one person's
// password from many addresses is stopped all the same, and other people can still sign in.

let ip = 0;
function signIn(email: string, password: string) {
  ip++;
  return POST(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": `198.51.100.${ip % 250}` },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("sign-in attempts per account", () => {
  afterEach(() => vi.useRealTimers());

  it(`after ${SIGN_IN_PER_MINUTE} attempts a minute, the account answers 429 with how long to wait, from any address`, async () => {
    const { org } = await newOrg("signin");
    const target = await newUser(org.id);
    const bystander = await newUser(org.id);
    // The limit refills by the clock (a token every 6 s): stop it, so that ten slow password checks
    // on a busy machine cannot earn an attempt back before the eleventh.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });

    for (let i = 0; i < SIGN_IN_PER_MINUTE; i++) {
      const res = await signIn(target.email, `guess-${i}`);
      expect(res.status).toBe(401);
    }
    const limited = await signIn(target.email.toUpperCase(), target.password); // the right password, another spelling
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("set-cookie")).toBeNull(); // no session was made

    const other = await signIn(bystander.email, bystander.password);
    expect(other.status).toBe(200);
    expect(other.headers.get("set-cookie")).toMatch(/session_token=/);
  });
});
