import { takeToken } from "@/lib/api/rate-limit";

// Password guessing against one account: better-auth limits sign-in attempts per client address
// (3 in 10 s), but addresses are cheap to change (and X-Forwarded-For is whatever a client sends
// when no TRUSTED_PROXIES are set). This second limit counts attempts per account, whatever the
// address: SIGN_IN_PER_MINUTE a minute, in the memory of each web process.

export const SIGN_IN_PER_MINUTE = 10;

/** For POST /api/auth/sign-in/email: null to go on, or the 429 to answer. */
export async function signInAccountLimit(req: Request): Promise<Response | null> {
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/sign-in/email")) return null;
  let email: unknown;
  try {
    email = ((await req.clone().json()) as { email?: unknown }).email;
  } catch {
    return null; // better-auth answers the malformed body itself
  }
  if (typeof email !== "string" || email.length === 0 || email.length > 320) return null;
  const decision = takeToken(`sign-in:${email.trim().toLowerCase()}`, SIGN_IN_PER_MINUTE);
  if (decision.allowed) return null;
  // The same answer as better-auth's own limit, so the sign-in form shows the wait either way.
  return Response.json(
    { message: "Too many requests. Please try again later." },
    { status: 429, headers: { "X-Retry-After": String(decision.resetSeconds), "Retry-After": String(decision.resetSeconds) } },
  );
}
