-- Each outgoing email queues its own 'send-email' job in the transaction that wrote it (graphile-worker's
-- add_job; the job key is the message id, so a message is queued once). Before the worker has installed
-- its schema there is nothing to queue into: the worker queues every unsent message at its start.
CREATE FUNCTION tandem_email_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL THEN
    PERFORM graphile_worker.add_job('send-email', json_build_object('id', NEW.id), job_key := 'email:' || NEW.id::text, max_attempts := 10);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER outgoing_emails_enqueue AFTER INSERT ON outgoing_emails FOR EACH ROW EXECUTE FUNCTION tandem_email_enqueue();
--> statement-breakpoint
-- A notification of an emailable kind (EMAIL_NOTIFICATION_KINDS in packages/contract/src/notifications/enums.ts)
-- also becomes an email, in the same statement, unless its user turned email off for the kind or is deactivated.
-- The email carries the kind, the record and the overdue step only: never the notification's data (client initials).
CREATE FUNCTION tandem_notification_emails() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outgoing_emails (user_id, template, params)
  SELECT n.user_id, 'notification',
         jsonb_strip_nulls(jsonb_build_object('kind', n.kind, 'entityType', n.entity_type, 'entityId', n.entity_id, 'step', n.data->>'step', 'side', n.data->>'side'))
  FROM added n
  JOIN users u ON u.id = n.user_id AND u.active
  WHERE n.kind IN ('referral.received', 'referral.assigned', 'referral.overdue')
    AND NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = n.user_id AND n.kind = ANY (s.email_muted_kinds));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER notifications_email AFTER INSERT ON notifications REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tandem_notification_emails();
