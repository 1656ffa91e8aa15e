import { takeToken } from "@/lib/api/rate-limit";

// Password guessing against one account: better-auth limits sign-in attempts per client address
// (3 in 10 s), but addresses are cheap to change (and X-Forwarded-For is whatever a client sends
// when no TRUSTED_PROXIES are set). This second limit counts attempts per account, whatever the
// address: SIGN_IN_PER_MINUTE a minute, in the memory of each web process. lib/auth/auth.ts applies
// it in better-auth's before-hook of /sign-in/email.

export const SIGN_IN_PER_MINUTE = 10;

/** null when this attempt may go on, else the seconds to wait. */
export function signInAttemptWait(email: unknown): number | null {
  if (typeof email !== "string" || email.length === 0 || email.length > 320) return null;
  const decision = takeToken(`sign-in:${email.trim().toLowerCase()}`, SIGN_IN_PER_MINUTE);
  return decision.allowed ? null : decision.resetSeconds;
}
