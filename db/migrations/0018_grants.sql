CREATE TABLE "agreement_approvals" (
	"agreement_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_approvals_agreement_id_organization_id_pk" PRIMARY KEY("agreement_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "runs_network" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD CONSTRAINT "agreement_approvals_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD CONSTRAINT "agreement_approvals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_approvals" ADD CONSTRAINT "agreement_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_runs_network_key" ON "organizations" USING btree ("runs_network") WHERE "organizations"."runs_network";--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("invitations"."role" in ('staff', 'org_admin', 'collaboration_team', 'board_coordinator', 'network_admin'));--> statement-breakpoint
-- An existing network: the one organization whose members hold network_admin runs it.
UPDATE "organizations" SET "runs_network" = true
 WHERE (SELECT count(DISTINCT "organization_id") FROM "memberships" WHERE "role" = 'network_admin') = 1
   AND "id" IN (SELECT "organization_id" FROM "memberships" WHERE "role" = 'network_admin');--> statement-breakpoint
-- Open invitations made before the role column: the membership was created with the invitation.
UPDATE "invitations" i SET "role" = m."role" FROM "memberships" m
 WHERE m."user_id" = i."user_id" AND m."organization_id" = i."organization_id";
