import { ApiError } from "@/lib/api/errors";
import { clientAddress } from "@/lib/api/client-address";
import { hasToken, takeToken } from "@/lib/api/rate-limit";
import { cachedApiKey, recentlyValidApiKey } from "@/lib/keys/api-keys";
import { settings } from "@/lib/settings";

// Guessing API keys costs a database read per guess (unknown keys are not cached: they must not
// push valid ones out of the cache). So a client address that keeps presenting unknown or revoked
// keys is refused with 429 before the read; a valid key this process has cached skips the check,
// so a client sharing an address with a guesser keeps working.

/** Unknown or revoked keys one client address may present a minute. */
export const INVALID_KEYS_PER_MINUTE = 20;

const bucketOf = (req: Request) => `invalid-key:${clientAddress(req.headers, settings().TRUSTED_PROXIES)}`;

/** Before authenticating: 429 when this address has used up its invalid-key budget. */
export function refuseKeyGuessing(req: Request) {
  const presented = req.headers.get("x-api-key");
  if (presented === null || cachedApiKey(presented) || recentlyValidApiKey(presented)) return;
  const budget = hasToken(bucketOf(req), INVALID_KEYS_PER_MINUTE);
  if (!budget.allowed) {
    throw new ApiError(429, "rate_limited", `Too many invalid API keys from this address; retry in ${budget.resetSeconds} s`, [], {
      "Retry-After": String(budget.resetSeconds),
    });
  }
}

/** After a key was refused: count it against the address. */
export function countInvalidKey(req: Request) {
  if (req.headers.has("x-api-key")) takeToken(bucketOf(req), INVALID_KEYS_PER_MINUTE);
}
