-- Issue 22, defect 1: cancelling a draft notified the receiving organization's members of a
-- referral that was never sent (and so is the sender's alone). Remove those notifications from
-- everyone who is not a member of the sending organization. Referrals that were sent keep theirs.
DELETE FROM "notifications" n
USING "referrals" r
WHERE n."referral_id" = r."id"
  AND (r."status" = 'draft' OR r."sent_at" IS NULL)
  AND NOT EXISTS (
    SELECT 1 FROM "memberships" m WHERE m."user_id" = n."user_id" AND m."organization_id" = r."sending_org_id"
  );
