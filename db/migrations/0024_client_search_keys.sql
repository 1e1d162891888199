-- Custom SQL migration file, put your code below! --
-- Search keys for finding a client (GET /api/v1/clients?q=), as IMMUTABLE functions so they can
-- sit in index expressions (unaccent() itself is only STABLE: its dictionary could change; ours
-- does not, and the dictionary is named explicitly).
--
-- tandem_name_key: accents removed, then lower case (under a C locale lower('Í') is 'Í'),
-- punctuation turned into spaces, with a leading space, so "María García-López" is
-- ' maria garcia lopez' and a word that starts with "garc" is LIKE '% garc%' (a trigram index).
CREATE OR REPLACE FUNCTION tandem_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT ' ' || btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, name)), '[[:space:][:punct:]]+', ' ', 'g'))
$$;--> statement-breakpoint
-- tandem_phone_key: each phone's digits between bars, so "(323) 555-0100" is '|3235550100|' and a
-- search by digits is LIKE '%5550100%' (trigram index), never spanning two numbers.
-- array_to_string() is STABLE only because of element output functions; for text[] it is not.
CREATE OR REPLACE FUNCTION tandem_phone_key(phones text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT '|' || regexp_replace(array_to_string(phones, '|'), '[^0-9|]', '', 'g') || '|'
$$;
