import { relations } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { claims } from './claims.ts';
import { users } from './users.ts';

export const stories = pgTable(
  'stories',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('stories_slug_key').on(t.slug)],
);

export const storyClaims = pgTable(
  'story_claims',
  {
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.claimId] }), index('story_claims_claim_idx').on(t.claimId)],
);

export const storiesRelations = relations(stories, ({ many }) => ({
  claims: many(storyClaims),
}));

export const storyClaimsRelations = relations(storyClaims, ({ one }) => ({
  story: one(stories, { fields: [storyClaims.storyId], references: [stories.id] }),
  claim: one(claims, { fields: [storyClaims.claimId], references: [claims.id] }),
}));
