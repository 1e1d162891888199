-- service_facet_names: each filter value's services in name order (docs/directory-search.md). A
-- search without text or a point walks the rows of its rarest filter value in (lname, service_id)
-- order, checks the other values on the facets copy in the same index entry, reads the services
-- row by primary key only for those, and stops after a page. Before, it walked every service by
-- name (services_name_order_idx) and threw away those without the values: bench data, "housing in
-- SPA 4 open at 9:30", 4,936 index entries read for 28 matches -> 316, and a plan that no longer
-- depends on how many services a value holds, so the statement is named and planned once.
CREATE TABLE "service_facet_names" (
	"facet" text NOT NULL,
	"lname" text NOT NULL,
	"service_id" uuid NOT NULL,
	"facets" "tsvector" NOT NULL,
	CONSTRAINT "service_facet_names_facet_lname_service_id_pk" PRIMARY KEY("facet","lname","service_id") INCLUDE ("facets")
);
--> statement-breakpoint
ALTER TABLE "service_facet_names" ADD CONSTRAINT "service_facet_names_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_facet_names_service_idx" ON "service_facet_names" USING btree ("service_id");--> statement-breakpoint
-- The rows of these services, written again from the services rows: one per lexeme of facets, for
-- a service that is not inactive (search never shows those); a deleted service's rows go by the
-- foreign key's cascade.
CREATE FUNCTION tandem_refresh_service_facet_names(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM service_facet_names WHERE service_id = ANY (ids);
  INSERT INTO service_facet_names (facet, lname, service_id, facets)
  SELECT f.lexeme, lower(s.name), s.id, s.facets
  FROM services s CROSS JOIN LATERAL unnest(s.facets) f
  WHERE s.id = ANY (ids) AND s.status <> 'inactive';
$$;
--> statement-breakpoint
-- New services once per statement (COPY of the bench's 50,000 included); an update only when the
-- name, the status or a filter value changed (facets is generated from the filter columns, and an
-- AFTER trigger sees its new value), so capacity and hours edits never rewrite these rows.
CREATE FUNCTION tandem_facet_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM tandem_refresh_service_facet_names(array(SELECT id FROM new_rows));
  ELSE
    PERFORM tandem_refresh_service_facet_names(ARRAY[NEW.id]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER services_facet_names_insert AFTER INSERT ON services REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tandem_facet_names_changed();--> statement-breakpoint
CREATE TRIGGER services_facet_names_update AFTER UPDATE ON services FOR EACH ROW
  WHEN ((OLD.name, OLD.status, OLD.facets) IS DISTINCT FROM (NEW.name, NEW.status, NEW.facets))
  EXECUTE FUNCTION tandem_facet_names_changed();--> statement-breakpoint
SELECT tandem_refresh_service_facet_names(array(SELECT id FROM services));--> statement-breakpoint
ANALYZE service_facet_names;
