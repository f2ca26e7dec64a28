import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

// The status vocabulary, configurable by an admin, with its ClaimReview reviewRating mapping.
// Default rows are written by a migration so every database starts with a usable set.
export const statuses = pgTable('statuses', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  labelFr: text('label_fr'),
  description: text('description'),
  // false for workflow states (unreviewed, in review); true for verdicts that need rationale and evidence.
  isVerdict: boolean('is_verdict').notNull().default(true),
  ratingValue: integer('rating_value'),
  bestRating: integer('best_rating'),
  worstRating: integer('worst_rating'),
  alternateName: text('alternate_name'),
  color: text('color').notNull().default('#6b7280'),
  position: integer('position').notNull().default(0),
  // A retired verdict stays on the claims that have it but is no longer offered to editors.
  active: boolean('active').notNull().default(true),
});
