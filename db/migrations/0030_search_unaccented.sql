-- Search without accents either way (issue 24): "atencion medica", as people type on a phone, finds
-- "Atención médica", and so does the accented query. The search document indexes words without
-- accents; tandem_search_query already adds each query word without accents beside the word as
-- typed, and its whole-query forms now strip them too.
--
-- tandem_unaccent: unaccent() with its dictionary named, IMMUTABLE so that a generated column can
-- use it (unaccent() itself is STABLE because its dictionary could change; ours does not), as
-- tandem_name_key (0024) does.
CREATE OR REPLACE FUNCTION tandem_unaccent(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT public.unaccent('public.unaccent'::regdictionary, t)
$$;--> statement-breakpoint
ALTER TABLE "services" drop column "search_vector";--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', tandem_unaccent(coalesce("name", '') || ' ' || coalesce("name_es", ''))), 'A') || setweight(to_tsvector('english', tandem_unaccent(coalesce("description", '') || ' ' || coalesce("description_es", ''))), 'B') || setweight(to_tsvector('english', tandem_unaccent(coalesce("eligibility", '') || ' ' || coalesce("eligibility_es", ''))), 'C') || tandem_service_facets("categories", "languages", "spas", "focus_populations", "community_support")) STORED;--> statement-breakpoint
CREATE INDEX "services_search_idx" ON "services" USING gin ("search_vector");--> statement-breakpoint
-- The words typo correction knows, without accents: under the C locale [[:alpha:]] is ASCII only,
-- so "alimentación" used to be kept as "alimentaci". Collected again from every service.
CREATE OR REPLACE FUNCTION tandem_text_words(name text, description text, eligibility text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w FROM regexp_split_to_table(lower(tandem_unaccent(concat_ws(' ', name, description, eligibility))), '[^[:alpha:]]+') w
  WHERE length(w) BETWEEN 3 AND 40
$$;--> statement-breakpoint
DELETE FROM search_words;--> statement-breakpoint
INSERT INTO search_words (word)
SELECT DISTINCT w FROM services s, tandem_text_words(concat_ws(' ', s.name, s.name_es), concat_ws(' ', s.description, s.description_es), concat_ws(' ', s.eligibility, s.eligibility_es)) w
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The query's whole-query forms (every word known, or only words without a need) without accents,
-- as the document now is; the rest of the function is 0027's.
CREATE OR REPLACE FUNCTION tandem_search_query(q text) RETURNS tsquery LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  tok text;
  w text;
  syn text[];
  alts text;
  part tsquery;
  parts tsquery[] := '{}';
  words text[] := '{}';
  kinds text[] := '{}';
  spanish boolean := false;
  fuzzy boolean := false;
  result tsquery;
  i int;
BEGIN
  FOR tok IN SELECT DISTINCT x FROM regexp_split_to_table(lower(q), '[[:space:][:punct:]]+') x WHERE x <> '' LOOP
    w := regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, tok)), '[^[:alnum:]]+', '', 'g');
    CONTINUE WHEN w = '';
    SELECT array_agg(DISTINCT s.expands_to) INTO syn FROM search_synonyms s
    WHERE s.word IN (w, CASE WHEN length(w) > 4 AND w LIKE '%s' THEN left(w, -1) END, CASE WHEN length(w) > 4 AND w LIKE '%es' THEN left(w, -2) END);
    part := plainto_tsquery('english', tok);
    IF w <> tok THEN part := part || plainto_tsquery('english', w); END IF;
    IF syn IS NOT NULL THEN
      spanish := true;
      IF syn = ARRAY[''] THEN
        kinds := kinds || 'filler'::text;
      ELSE
        kinds := kinds || 'synonym'::text;
        FOR i IN 1 .. array_length(syn, 1) LOOP
          CONTINUE WHEN syn[i] = '';
          part := part || CASE WHEN syn[i] LIKE '%:%' THEN quote_literal(syn[i])::tsquery ELSE plainto_tsquery('english', syn[i]) END;
        END LOOP;
      END IF;
    ELSIF length(w) >= 3 AND NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w) THEN
      fuzzy := true;
      kinds := kinds || 'word'::text;
      SELECT string_agg(' | ' || a.word, '') INTO alts
      FROM (SELECT s.word FROM search_words s WHERE s.word % w ORDER BY similarity(s.word, w) DESC, s.word LIMIT 3) a;
      IF alts IS NOT NULL THEN part := part || to_tsquery('english', substr(alts, 4)); END IF;
    ELSE
      kinds := kinds || 'word'::text;
    END IF;
    parts := parts || part;
    words := words || w;
  END LOOP;
  IF NOT fuzzy AND NOT spanish THEN
    RETURN websearch_to_tsquery('english', tandem_unaccent(q));
  END IF;
  FOR i IN 1 .. coalesce(array_length(parts, 1), 0) LOOP
    -- In a Spanish query a Spanish stop word (the spanish dictionary returns no lexeme) or a
    -- word without a need adds nothing.
    CONTINUE WHEN spanish AND (kinds[i] = 'filler' OR (kinds[i] = 'word' AND ts_lexize('spanish_stem', words[i]) = '{}'));
    CONTINUE WHEN numnode(parts[i]) = 0;
    result := CASE WHEN result IS NULL THEN parts[i] ELSE result && parts[i] END;
  END LOOP;
  -- Only words without a need ("ayuda"): search them as typed.
  RETURN coalesce(result, websearch_to_tsquery('english', tandem_unaccent(q)));
END
$$;
