-- Issue 24: notifications point at any entity (entity_type + entity_id). Every notification so far
-- was about a referral: name it as the entity. referral_id stays, for its ON DELETE CASCADE.
UPDATE "notifications" SET "entity_type" = 'referral', "entity_id" = "referral_id" WHERE "referral_id" IS NOT NULL AND "entity_id" IS NULL;
