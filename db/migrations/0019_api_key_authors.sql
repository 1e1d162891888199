ALTER TABLE "referral_events" ADD COLUMN "actor_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "referral_messages" ADD COLUMN "author_api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "referral_views" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "referral_messages" ADD CONSTRAINT "referral_messages_author_api_key_id_api_keys_id_fk" FOREIGN KEY ("author_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Backfill: rows an API key wrote before these columns existed. Each was written in the same
-- transaction as its audit row (same now(), same referral), which names the key.
UPDATE "referral_messages" m SET "author_api_key_id" = (
  SELECT a."actor_api_key_id" FROM "audit_log" a
  WHERE a."entity_type" = 'referral' AND a."entity_id" = m."referral_id"::text AND a."at" = m."created_at" AND a."action" = 'referral.message'
    AND a."actor_api_key_id" IS NOT NULL AND EXISTS (SELECT 1 FROM "api_keys" k WHERE k."id" = a."actor_api_key_id")
  LIMIT 1)
WHERE m."author_user_id" IS NULL;--> statement-breakpoint
UPDATE "referral_events" e SET "actor_api_key_id" = (
  SELECT a."actor_api_key_id" FROM "audit_log" a
  WHERE a."entity_type" = 'referral' AND a."entity_id" = e."referral_id"::text AND a."at" = e."at" AND a."actor_api_key_id" IS NOT NULL
  LIMIT 1)
WHERE e."actor_user_id" IS NULL;--> statement-breakpoint
UPDATE "referral_views" v SET "api_key_id" = (
  SELECT a."actor_api_key_id" FROM "audit_log" a
  WHERE a."entity_type" = 'referral' AND a."entity_id" = v."referral_id"::text AND a."at" = v."at" AND a."actor_api_key_id" IS NOT NULL
  LIMIT 1)
WHERE v."user_id" IS NULL;
