-- Workers in other processes learn about new jobs at once instead of at their next poll: every
-- statement that inserts jobs sends one NOTIFY on "nexio_work" (delivered at commit, collapsed
-- within a transaction). lib/worker/listen.ts LISTENs on it. Statement-level, so a group-committed
-- batch of submissions costs one notification, and the submitting request no extra round trip.

CREATE FUNCTION "nexio_notify_work"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('nexio_work', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "jobs_notify_work" AFTER INSERT ON "jobs" FOR EACH STATEMENT EXECUTE FUNCTION "nexio_notify_work"();
