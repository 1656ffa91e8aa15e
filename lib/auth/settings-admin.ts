import { ForbiddenError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";

/**
 * Settings are for signed-in admins only. Unlike requireAdmin, an API key is refused too: a key
 * that could mint keys, read the signing secret or add users would turn one leaked key into
 * a permanent foothold.
 */
export function requireSettingsAdmin(p: Principal) {
  if (p.via !== "session" || p.role !== "admin") throw new ForbiddenError("Only organization admins, signed in, can change settings");
}
