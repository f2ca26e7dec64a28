import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL's tsvector, for generated full-text search columns (never selected by readers). */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});
