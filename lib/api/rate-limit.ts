// Per-API-key token bucket, in the memory of each web process: RATE_LIMIT_PER_MINUTE requests a
// minute, refilled continuously, bursts up to the same number. With N web processes behind a
// balancer a key can reach N× the limit, as the README's "Scaling out" says: a limit shared across
// processes would cost a database round trip per request.

interface Bucket {
  tokens: number;
  updated: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** seconds until a token is available (when refused) or until the bucket is full */
  resetSeconds: number;
}

const buckets = new Map<string, Bucket>();

export function takeToken(key: string, perMinute: number, now = Date.now()): RateDecision {
  const ratePerMs = perMinute / 60_000;
  let b = buckets.get(key);
  if (!b) {
    b = { tokens: perMinute, updated: now };
    buckets.set(key, b);
    if (buckets.size > 100_000) buckets.delete(buckets.keys().next().value!);
  }
  b.tokens = Math.min(perMinute, b.tokens + (now - b.updated) * ratePerMs);
  b.updated = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return { allowed: true, limit: perMinute, remaining: Math.floor(b.tokens), resetSeconds: Math.ceil((perMinute - b.tokens) / ratePerMs / 1000) };
  }
  return { allowed: false, limit: perMinute, remaining: 0, resetSeconds: Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)) };
}

/** Whether takeToken would allow a request now, without taking one. */
export function hasToken(key: string, perMinute: number, now = Date.now()): RateDecision {
  const b = buckets.get(key);
  if (!b) return { allowed: true, limit: perMinute, remaining: perMinute, resetSeconds: 0 };
  const ratePerMs = perMinute / 60_000;
  const tokens = Math.min(perMinute, b.tokens + (now - b.updated) * ratePerMs);
  if (tokens >= 1) return { allowed: true, limit: perMinute, remaining: Math.floor(tokens), resetSeconds: 0 };
  return { allowed: false, limit: perMinute, remaining: 0, resetSeconds: Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000)) };
}

export function rateLimitHeaders(d: RateDecision): Record<string, string> {
  // IETF draft "RateLimit header fields" (both the structured form and the older split form).
  return {
    "RateLimit-Policy": `${d.limit};w=60`,
    RateLimit: `limit=${d.limit}, remaining=${d.remaining}, reset=${d.resetSeconds}`,
    "RateLimit-Limit": String(d.limit),
    "RateLimit-Remaining": String(d.remaining),
    "RateLimit-Reset": String(d.resetSeconds),
  };
}

export function resetRateLimitsForTests() {
  buckets.clear();
}
