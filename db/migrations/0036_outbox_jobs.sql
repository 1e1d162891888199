-- Each statement that writes outbox rows queues one 'outbox.fanout' job in the same transaction
-- (graphile-worker's add_job: the job commits with the change or not at all, and wakes a worker
-- through LISTEN/NOTIFY). The job hands every undelivered outbox row to the webhook deliveries.
-- Before the worker has installed its schema there is nothing to queue into: the worker's start
-- and its cron fan out whatever was written meanwhile (docs/decisions/0013-job-queue.md).
CREATE FUNCTION tandem_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL THEN
    PERFORM graphile_worker.add_job('outbox.fanout', '{}'::json, max_attempts := 25);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_enqueue AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION tandem_outbox_enqueue();
