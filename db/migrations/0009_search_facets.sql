-- Directory search in one GIN scan (docs/directory-search.md). Each filter value of a service is a
-- lexeme of its search document ("spa:spa6", "language:es", "category:food-insecurity"), so text and
-- filters are intersected inside services_search_idx instead of by bitmaps of four GIN indexes
-- (the filters alone read ~7,000 heap rows for one SPA). Values never collide with words: they
-- hold a colon, which the english parser never leaves in a lexeme. Capacity is not one: it changes
-- daily (the index would be rewritten at each one-click update), and "accepting" holds most
-- services, which made the GIN scan slower rather than faster (1,532 vs 2,130 scans/s).
CREATE OR REPLACE FUNCTION tandem_service_facets(categories text[], languages text[], spas text[], focus_populations text[], community_support text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_tsvector(
    array(SELECT 'category:' || v FROM unnest(categories) v)
    || array(SELECT 'language:' || v FROM unnest(languages) v)
    || array(SELECT 'spa:' || v FROM unnest(spas) v)
    || array(SELECT 'focus:' || v FROM unnest(focus_populations) v)
    || array_remove(ARRAY['community_support:' || community_support], NULL))
$$;
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "services_categories_idx";--> statement-breakpoint
DROP INDEX "services_languages_idx";--> statement-breakpoint
DROP INDEX "services_spas_idx";--> statement-breakpoint
ALTER TABLE "services" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("name", '')), 'A') || setweight(to_tsvector('english', coalesce("description", '')), 'B') || setweight(to_tsvector('english', coalesce("eligibility", '')), 'C') || tandem_service_facets("categories", "languages", "spas", "focus_populations", "community_support")) STORED;--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The words of a service's text that search_words keeps: lower case, letters only, 3 to 40 long.
CREATE OR REPLACE FUNCTION tandem_text_words(name text, description text, eligibility text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w FROM regexp_split_to_table(lower(concat_ws(' ', name, description, eligibility)), '[^[:alpha:]]+') w
  WHERE length(w) BETWEEN 3 AND 40
$$;
--> statement-breakpoint
-- The words of a service's text, kept by the database so every writer (API, HSDS import, seed,
-- COPY) feeds it. On update only rows whose text changed are read (a capacity change reads none).
CREATE OR REPLACE FUNCTION tandem_collect_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM new_rows n, tandem_text_words(n.name, n.description, n.eligibility) w
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM new_rows n JOIN old_rows o ON o.id = n.id, tandem_text_words(n.name, n.description, n.eligibility) w
    WHERE (n.name, n.description, n.eligibility) IS DISTINCT FROM (o.name, o.description, o.eligibility)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER services_search_words_insert AFTER INSERT ON services REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_collect_search_words();--> statement-breakpoint
CREATE TRIGGER services_search_words_update AFTER UPDATE ON services REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_collect_search_words();--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT w FROM services s, tandem_text_words(s.name, s.description, s.eligibility) w
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The text search query of a search box: websearch_to_tsquery when every word is known; else each
-- word also matches up to three known words that look like it (pg_trgm `%`, similarity >= 0.3 on
-- search_words_trgm_idx), so "fod pantry" finds "Food Pantry": ('fod' | 'food' | ...) & 'pantri'.
-- PL/pgSQL so its statements are planned once per connection (a SQL function with a WITH is
-- planned again at every call: ~2 ms).
CREATE OR REPLACE FUNCTION tandem_search_query(q text) RETURNS tsquery LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  parts text[] := '{}';
  w text;
  alts text;
  fuzzy boolean := false;
BEGIN
  FOR w IN SELECT DISTINCT x FROM regexp_split_to_table(lower(q), '[^[:alnum:]]+') x WHERE x <> '' LOOP
    IF length(w) >= 3 AND NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w) THEN
      fuzzy := true;
      SELECT string_agg(' | ' || a.word, '') INTO alts
      FROM (SELECT s.word FROM search_words s WHERE s.word % w ORDER BY similarity(s.word, w) DESC, s.word LIMIT 3) a;
      parts := parts || ('(' || w || coalesce(alts, '') || ')');
    ELSE
      parts := parts || w;
    END IF;
  END LOOP;
  IF NOT fuzzy THEN
    RETURN websearch_to_tsquery('english', q);
  END IF;
  RETURN to_tsquery('english', array_to_string(parts, ' & '));
END
$$;
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "open_hours" "int4multirange" DEFAULT '{}'::int4multirange NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "exception_dates" date[] DEFAULT '{}'::date[] NOT NULL;--> statement-breakpoint
-- "Open at" without a probe per candidate: each service row carries its weekly hours as seconds of
-- the ISO week in local time (Monday 00:00 = 0; intervals half-open like opens_at <= t < closes_at)
-- and the dates that have an exception, both rewritten here whenever a statement changes the
-- service's schedules or exceptions (transition tables: one UPDATE per statement, also for COPY).
CREATE OR REPLACE FUNCTION tandem_refresh_service_hours(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE services s SET
    open_hours = coalesce((
      SELECT range_agg(int4range(((sc.weekday - 1) * 86400 + extract(epoch FROM sc.opens_at))::int, ((sc.weekday - 1) * 86400 + extract(epoch FROM sc.closes_at))::int))
      FROM schedules sc WHERE sc.service_id = s.id), '{}'),
    exception_dates = array(SELECT x.date FROM schedule_exceptions x WHERE x.service_id = s.id ORDER BY x.date)
  WHERE s.id = ANY (ids)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_hours_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM tandem_refresh_service_hours(array(SELECT DISTINCT service_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM tandem_refresh_service_hours(array(SELECT DISTINCT service_id FROM old_rows));
  ELSE
    PERFORM tandem_refresh_service_hours(array(SELECT service_id FROM new_rows UNION SELECT service_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER schedules_hours_insert AFTER INSERT ON schedules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_hours_changed();--> statement-breakpoint
CREATE TRIGGER schedules_hours_update AFTER UPDATE ON schedules REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_hours_changed();--> statement-breakpoint
CREATE TRIGGER schedules_hours_delete AFTER DELETE ON schedules REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_hours_changed();--> statement-breakpoint
CREATE TRIGGER schedule_exceptions_hours_insert AFTER INSERT ON schedule_exceptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_hours_changed();--> statement-breakpoint
CREATE TRIGGER schedule_exceptions_hours_update AFTER UPDATE ON schedule_exceptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_hours_changed();--> statement-breakpoint
CREATE TRIGGER schedule_exceptions_hours_delete AFTER DELETE ON schedule_exceptions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_hours_changed();--> statement-breakpoint
SELECT tandem_refresh_service_hours(array(SELECT id FROM services));--> statement-breakpoint
-- The new document's lexeme statistics (and the copies' columns) for the planner.
ANALYZE services;
