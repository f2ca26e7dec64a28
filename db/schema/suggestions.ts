import { relations, sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, real, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { claims, datePrecisions, stances } from './claims.ts';
import { entities } from './entities.ts';
import { sources } from './sources.ts';
import { users } from './users.ts';

export const suggestionStates = ['pending', 'accepted', 'dismissed'] as const;
export type SuggestionState = (typeof suggestionStates)[number];

// A candidate claim found by the analysis, waiting for an editor. Dismissed ones are kept:
// the fingerprint stops re-analysis from bringing them back.
export const suggestions = pgTable(
  'suggestions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    sourceVersion: integer('source_version').notNull().default(1),
    fingerprint: text('fingerprint').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    quote: text('quote').notNull(),
    text: text('text').notNull(),
    speakerName: text('speaker_name'),
    speakerId: integer('speaker_id').references(() => entities.id, { onDelete: 'set null' }),
    stance: text('stance', { enum: stances }).notNull().default('assert'),
    claimedOn: date('claimed_on', { mode: 'string' }),
    claimedOnPrecision: text('claimed_on_precision', { enum: datePrecisions }),
    checkworthiness: real('checkworthiness').notNull().default(0),
    // The analysis' own output (attribution chain, matching features), kept as plain JSON.
    analysis: jsonb('analysis').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state', { enum: suggestionStates }).notNull().default('pending'),
    claimId: integer('claim_id').references(() => claims.id, { onDelete: 'set null' }),
    decidedById: integer('decided_by_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('suggestions_source_fingerprint_key').on(t.sourceId, t.fingerprint),
    index('suggestions_source_idx').on(t.sourceId, t.state),
    check('suggestions_state_check', sql`${t.state} in ('pending', 'accepted', 'dismissed')`),
  ],
);

export const suggestionsRelations = relations(suggestions, ({ one }) => ({
  source: one(sources, { fields: [suggestions.sourceId], references: [sources.id] }),
  speaker: one(entities, { fields: [suggestions.speakerId], references: [entities.id] }),
  claim: one(claims, { fields: [suggestions.claimId], references: [claims.id] }),
}));
