import { listen } from "@/lib/db/listen";
import { wakeWorkers } from "@/lib/wake";
import { forgetAllApiKeys, forgetApiKey } from "@/lib/keys/api-keys";
import { forgetAllPools, forgetPool } from "@/lib/pools/pools";

// What other processes tell this one through PostgreSQL (triggers in
// prisma/migrations/20261129000000_work_notify and 20261129010000_cache_notify):
// - "nexio_work": jobs were inserted → wake this process's job and delivery loops at once
//   instead of at their next poll;
// - "nexio_cache": "key:<id>" a key was revoked, "pool:<id>" a pool got a new version → forget the
//   cached entry, so a revoked key stops working everywhere at once.
// After a reconnect both caches are dropped whole and the loops woken: whatever was announced
// while the connection was down is covered. Polling and the caches' 5 s expiry stay as the floor.

export const WORK_CHANNEL = "nexio_work";
export const CACHE_CHANNEL = "nexio_cache";

export function startNotifications(url: string, log: (msg: string) => void = () => {}) {
  return listen(
    url,
    {
      [WORK_CHANNEL]: () => wakeWorkers(),
      [CACHE_CHANNEL]: (payload) => {
        const sep = payload.indexOf(":");
        const [kind, id] = [payload.slice(0, sep), payload.slice(sep + 1)];
        if (kind === "key") forgetApiKey(id);
        else if (kind === "pool") forgetPool(id);
      },
    },
    {
      log,
      onConnect: (reconnected) => {
        if (reconnected) {
          forgetAllApiKeys();
          forgetAllPools();
        }
        wakeWorkers();
      },
    },
  );
}
