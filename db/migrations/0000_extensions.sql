-- drizzle-kit never writes CREATE EXTENSION. pg_trgm backs fuzzy candidate lookup and
-- unaccent accent-insensitive search; both ship with PostgreSQL contrib and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
