-- Custom SQL migration file, put your code below! --
-- Lets one statement refuse itself: a write whose version check matched no row raises, and
-- PostgreSQL undoes every data-modifying WITH part of the statement with it (a status change and
-- its event, outbox, notification and audit rows in one round trip, no transaction).
CREATE OR REPLACE FUNCTION tandem_assert(ok boolean, code text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = code, HINT = 'tandem_assert';
  END IF;
  RETURN true;
END
$$;
