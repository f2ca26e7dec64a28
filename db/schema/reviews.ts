import { relations, sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { claims } from './claims.ts';
import { sources } from './sources.ts';
import { statuses } from './statuses.ts';
import { users } from './users.ts';

// Append-only status history: a claim's current status is its latest review.
export const reviews = pgTable(
  'reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    status: text('status')
      .notNull()
      .references(() => statuses.key, { onUpdate: 'cascade' }),
    rationale: text('rationale'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Four-eyes rule: a verdict reaches readers once a second editor approves it.
    approvedById: integer('approved_by_id').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    // Or sent back by the second editor, with a note: never published.
    rejectedById: integer('rejected_by_id').references(() => users.id, { onDelete: 'set null' }),
    rejectedAt: timestamp('rejected_at', { withTimezone: true }),
    rejectionNote: text('rejection_note'),
  },
  (t) => [
    index('reviews_claim_idx').on(t.claimId, t.createdAt),
    index('reviews_created_at_idx').on(t.createdAt),
    // The feed of new verdicts and the public API read approved reviews newest first.
    index('reviews_approved_at_idx').on(t.approvedAt),
  ],
);

export const reviewEvidence = pgTable(
  'review_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    url: text('url'),
    sourceId: integer('source_id').references(() => sources.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [
    index('review_evidence_review_idx').on(t.reviewId),
    check('review_evidence_target_check', sql`${t.url} is not null or ${t.sourceId} is not null`),
  ],
);

export const reviewsRelations = relations(reviews, ({ one, many }) => ({
  claim: one(claims, { fields: [reviews.claimId], references: [claims.id] }),
  statusInfo: one(statuses, { fields: [reviews.status], references: [statuses.key] }),
  author: one(users, { fields: [reviews.createdById], references: [users.id] }),
  evidence: many(reviewEvidence),
}));

export const reviewEvidenceRelations = relations(reviewEvidence, ({ one }) => ({
  review: one(reviews, { fields: [reviewEvidence.reviewId], references: [reviews.id] }),
  source: one(sources, { fields: [reviewEvidence.sourceId], references: [sources.id] }),
}));
