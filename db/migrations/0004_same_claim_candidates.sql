ALTER TABLE "claims" ADD COLUMN "match_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "match_features" jsonb;--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "text_search" "tsvector" GENERATED ALWAYS AS (to_tsvector((case "claims"."language" when 'fr' then 'french'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end), "claims"."text")) STORED;--> statement-breakpoint
CREATE INDEX "claims_match_keys_idx" ON "claims" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "claims_text_search_idx" ON "claims" USING gin ("text_search");