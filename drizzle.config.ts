import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are applied by the app (scripts/migrate.ts), because
// `drizzle-kit migrate` fails silently on PGlite with extensions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
