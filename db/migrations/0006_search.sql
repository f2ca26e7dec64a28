ALTER TABLE "claims" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector(claimline_ts_config("claims"."language"), "claims"."text")) STORED;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "mentions" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector(claimline_ts_config("mentions"."language"), "mentions"."quote")) STORED;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(claimline_ts_config("sources"."language"), "sources"."title"), 'A') || setweight(to_tsvector(claimline_ts_config("sources"."language"), coalesce("sources"."body", '')), 'D')) STORED;--> statement-breakpoint
CREATE INDEX "claims_published_status_idx" ON "claims" USING btree ("published_status");--> statement-breakpoint
CREATE INDEX "claims_search_idx" ON "claims" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "mentions_search_idx" ON "mentions" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "entity_aliases_normalized_trgm_idx" ON "entity_aliases" USING gin ("normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "reviews_approved_at_idx" ON "reviews" USING btree ("approved_at");--> statement-breakpoint
CREATE INDEX "sources_search_idx" ON "sources" USING gin ("search_vector");