CREATE TABLE "referral_org_reads" (
	"referral_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone DEFAULT now() NOT NULL,
	"api_key_id" uuid,
	CONSTRAINT "referral_org_reads_referral_id_organization_id_pk" PRIMARY KEY("referral_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "referral_org_reads" ADD CONSTRAINT "referral_org_reads_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_org_reads" ADD CONSTRAINT "referral_org_reads_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_org_reads" ADD CONSTRAINT "referral_org_reads_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;