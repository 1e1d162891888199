-- A job queued by the API in the transaction of its change (a webhook stream to deliver, an email
-- to send) goes through this: before any worker has installed graphile-worker's schema on this
-- database there is no queue to add to, and the write must not fail for it. The row that needs
-- the work stays, and the worker's start picks it up (webhooks.resume re-queues waiting streams).
CREATE FUNCTION tandem_add_job(p_identifier text, p_payload json, p_run_at timestamptz DEFAULT NULL, p_job_key text DEFAULT NULL, p_max_attempts integer DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL THEN
    PERFORM graphile_worker.add_job(p_identifier, p_payload, run_at := p_run_at, job_key := p_job_key, max_attempts := p_max_attempts);
  END IF;
END
$$;
