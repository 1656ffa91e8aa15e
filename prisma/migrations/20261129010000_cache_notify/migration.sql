-- Processes cache API keys and pools for a few seconds (lib/keys/api-keys.ts, lib/pools/pools.ts).
-- When a key is revoked or a pool gets a new current version, every process is told at commit on
-- "nexio_cache" (lib/notifications.ts) and forgets the entry at once, whichever code path wrote it.

CREATE FUNCTION "nexio_notify_cache"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'api_keys' THEN
    PERFORM pg_notify('nexio_cache', 'key:' || NEW."id");
  ELSE
    PERFORM pg_notify('nexio_cache', 'pool:' || NEW."key");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "api_keys_notify_cache" AFTER UPDATE OF "revoked_at" ON "api_keys"
  FOR EACH ROW WHEN (NEW."revoked_at" IS DISTINCT FROM OLD."revoked_at") EXECUTE FUNCTION "nexio_notify_cache"();

CREATE TRIGGER "pools_notify_cache" AFTER UPDATE OF "current_version_id" ON "pools"
  FOR EACH ROW WHEN (NEW."current_version_id" IS DISTINCT FROM OLD."current_version_id") EXECUTE FUNCTION "nexio_notify_cache"();
