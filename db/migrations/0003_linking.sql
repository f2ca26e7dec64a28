CREATE TABLE "claim_merges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_merges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_claim_id" integer NOT NULL,
	"target_claim_id" integer NOT NULL,
	"moved" jsonb NOT NULL,
	"reason" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "claim_links" ADD COLUMN "deprecated_by_id" integer;--> statement-breakpoint
ALTER TABLE "claim_links" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_links" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "source_versions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "source_versions" ADD COLUMN "fetched_from" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "syndication_set_by" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "syndication_note" text;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "shingle_bands" text[];--> statement-breakpoint
ALTER TABLE "claim_merges" ADD CONSTRAINT "claim_merges_source_claim_id_claims_id_fk" FOREIGN KEY ("source_claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_merges" ADD CONSTRAINT "claim_merges_target_claim_id_claims_id_fk" FOREIGN KEY ("target_claim_id") REFERENCES "public"."claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_merges" ADD CONSTRAINT "claim_merges_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_merges_target_idx" ON "claim_merges" USING btree ("target_claim_id");--> statement-breakpoint
CREATE INDEX "claim_merges_source_idx" ON "claim_merges" USING btree ("source_claim_id");--> statement-breakpoint
ALTER TABLE "claim_links" ADD CONSTRAINT "claim_links_deprecated_by_id_users_id_fk" FOREIGN KEY ("deprecated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claims_text_trgm_idx" ON "claims" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sources_shingle_bands_idx" ON "sources" USING gin ("shingle_bands");--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_anchor_state_check" CHECK ("mentions"."anchor_state" in ('anchored', 'orphaned', 'retired'));--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_syndication_set_by_check" CHECK ("sources"."syndication_set_by" in ('detected', 'editor'));