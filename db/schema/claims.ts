import { relations, sql, type SQL } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { ClaimFeatures } from '../../server/analysis/index.ts';
import { entities } from './entities.ts';
import { sources } from './sources.ts';
import { statuses } from './statuses.ts';
import { tsvector } from './types.ts';
import { users } from './users.ts';

export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];
export const stances = ['assert', 'deny', 'confirm', 'warn', 'accuse', 'question'] as const;
export type Stance = (typeof stances)[number];
export const mentionRoles = ['origin', 'report', 'evidence'] as const;
export type MentionRole = (typeof mentionRoles)[number];
export const linkKinds = ['contradicts', 'supports', 'confirms', 'responds_to', 'same_as'] as const;
export type LinkKind = (typeof linkKinds)[number];
export const linkOrigins = ['suggested', 'editor'] as const;
export type LinkOrigin = (typeof linkOrigins)[number];
// anchored: placed in the current body; orphaned: lost after a correction, waiting for an
// editor; retired: an editor decided the orphan no longer has a place (kept, never deleted).
export const anchorStates = ['anchored', 'orphaned', 'retired'] as const;
export type AnchorState = (typeof anchorStates)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The text-search configuration of a claim's language; others fall back to 'simple' (no stemming). */
export const searchConfigSql = (language: unknown) =>
  sql`(case ${language} when 'fr' then 'french'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end)`;

export const claims = pgTable(
  'claims',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    text: text('text').notNull(),
    language: text('language'),
    // null: the outlet itself asserts the claim.
    claimantId: integer('claimant_id').references(() => entities.id, { onDelete: 'set null' }),
    // A partial date ("in May 2017") is stored as its first day with its precision beside it.
    claimedOn: date('claimed_on', { mode: 'string' }),
    claimedOnPrecision: text('claimed_on_precision', { enum: datePrecisions }),
    // When the event the claim is about happened, kept apart from when the claim was made.
    eventOn: date('event_on', { mode: 'string' }),
    eventOnPrecision: text('event_on_precision', { enum: datePrecisions }),
    // The working status: the latest review, as editors see it.
    status: text('status')
      .notNull()
      .default('unreviewed')
      .references(() => statuses.key, { onUpdate: 'cascade' }),
    // What readers see: the latest approved review. Differs from `status` only while a
    // verdict waits for a second editor's approval (four-eyes rule).
    publishedStatus: text('published_status')
      .notNull()
      .default('unreviewed')
      .references(() => statuses.key, { onUpdate: 'cascade' }),
    checkworthiness: real('checkworthiness'),
    // Optimistic locking: every save is UPDATE … WHERE id = $1 AND version = $2.
    version: integer('version').notNull().default(1),
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    // A merged claim is kept (its history stays readable) and points at the claim it became.
    mergedIntoId: integer('merged_into_id').references((): any => claims.id, { onDelete: 'set null' }),
    deprecatedAt: timestamp('deprecated_at', { withTimezone: true }),
    deprecatedReason: text('deprecated_reason'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Language-neutral keys for same-claim candidates across languages: claimant and subject
    // entities, predicate class, lexicon concepts, dates, numbers (server/domain/matching.ts).
    matchKeys: text('match_keys').array().notNull().default(sql`'{}'::text[]`),
    // The analysis' matching features, with entities as database ids, for ranking candidates.
    matchFeatures: jsonb('match_features').$type<ClaimFeatures>(),
    // Full-text search in the claim's own language (stemming for English and French).
    textSearch: tsvector('text_search').generatedAlwaysAs(
      (): ReturnType<typeof sql> => sql`to_tsvector(${searchConfigSql(sql.raw('"claims"."language"'))}, "claims"."text")`,
    ),
    // Reader search: the same, accents folded (claimline_ts_config: migration 0005), so that
    // "ingerence" finds "ingérence" and snippets keep their accents.
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`to_tsvector(claimline_ts_config(${claims.language}), ${claims.text})`,
    ),
  },
  (t) => [
    index('claims_match_keys_idx').using('gin', t.matchKeys),
    index('claims_text_search_idx').using('gin', t.textSearch),
    index('claims_claimant_idx').on(t.claimantId),
    index('claims_status_idx').on(t.status),
    index('claims_published_status_idx').on(t.publishedStatus),
    index('claims_search_idx').using('gin', t.searchVector),
    index('claims_created_at_idx').on(t.createdAt),
    index('claims_claimed_on_idx').on(t.claimedOn),
    index('claims_merged_into_idx').on(t.mergedIntoId),
    // Picking a claim by a few of its words (link and merge forms): trigram search.
    index('claims_text_trgm_idx').using('gin', sql`${t.text} gin_trgm_ops`),
    check('claims_precision_check', sql`${t.claimedOnPrecision} in (${inList(datePrecisions)})`),
    check('claims_event_precision_check', sql`${t.eventOnPrecision} in (${inList(datePrecisions)})`),
  ],
);

export const mentions = pgTable(
  'mentions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    // W3C Web Annotation: TextQuoteSelector (quote, prefix, suffix) and TextPositionSelector (start, end).
    quote: text('quote').notNull(),
    prefix: text('prefix').notNull().default(''),
    suffix: text('suffix').notNull().default(''),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    // The source version the offsets point into.
    sourceVersion: integer('source_version').notNull().default(1),
    // orphaned: the quote could not be found again after the source changed; kept for an editor.
    anchorState: text('anchor_state', { enum: anchorStates }).notNull().default('anchored'),
    role: text('role', { enum: mentionRoles }).notNull().default('report'),
    stance: text('stance', { enum: stances }).notNull().default('assert'),
    // Who makes the statement in this source (usually the claimant; a reported speaker otherwise).
    speakerId: integer('speaker_id').references(() => entities.id, { onDelete: 'set null' }),
    // The quote's language; a trigger fills it from the source when left null (migration 0007).
    language: text('language'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => sql`to_tsvector(claimline_ts_config(${mentions.language}), ${mentions.quote})`,
    ),
  },
  (t) => [
    index('mentions_search_idx').using('gin', t.searchVector),
    unique('mentions_claim_source_span_key').on(t.claimId, t.sourceId, t.start, t.end),
    index('mentions_source_idx').on(t.sourceId, t.start),
    index('mentions_claim_idx').on(t.claimId),
    check('mentions_span_check', sql`${t.start} >= 0 and ${t.end} >= ${t.start}`),
    check('mentions_role_check', sql`${t.role} in (${inList(mentionRoles)})`),
    check('mentions_stance_check', sql`${t.stance} in (${inList(stances)})`),
    check('mentions_anchor_state_check', sql`${t.anchorState} in (${inList(anchorStates)})`),
  ],
);

export const claimLinks = pgTable(
  'claim_links',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fromClaimId: integer('from_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    toClaimId: integer('to_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: linkKinds }).notNull(),
    origin: text('origin', { enum: linkOrigins }).notNull().default('editor'),
    note: text('note'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // A suggested link is a proposal until an editor accepts it.
    acceptedById: integer('accepted_by_id').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    // Retracted links are ranked deprecated with a reason, never deleted.
    deprecatedAt: timestamp('deprecated_at', { withTimezone: true }),
    deprecatedReason: text('deprecated_reason'),
    deprecatedById: integer('deprecated_by_id').references(() => users.id, { onDelete: 'set null' }),
    // Optimistic locking for editors changing the same link at once.
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('claim_links_from_to_kind_key').on(t.fromClaimId, t.toClaimId, t.kind),
    index('claim_links_to_idx').on(t.toClaimId),
    check('claim_links_not_self', sql`${t.fromClaimId} <> ${t.toClaimId}`),
    check('claim_links_kind_check', sql`${t.kind} in (${inList(linkKinds)})`),
  ],
);

// Entities a claim is about (not its claimant), for person pages and matching.
export const claimSubjects = pgTable(
  'claim_subjects',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.entityId] }), index('claim_subjects_entity_idx').on(t.entityId)],
);

/**
 * One merge of a claim into another, with what moved, so a wrong merge can be undone by
 * splitting its mentions back out. The merged claim stays readable (claims.mergedIntoId).
 */
export type MergeRecord = {
  mentionIds: number[];
  reviewIds: number[];
  /** Links re-pointed at the target, with their endpoints before the merge. */
  links: { id: number; fromClaimId: number; toClaimId: number }[];
  /** Links the merge retracted (between the two claims, or duplicating one the target has). */
  deprecatedLinkIds: number[];
  subjectEntityIds: number[];
  /** Stories the target joined through the merge, and the merged claim's memberships it left. */
  storyIds: number[];
  storyMemberships: { storyId: number; position: number }[];
  suggestionIds: number[];
  source: { status: string; publishedStatus: string };
  target: { status: string; publishedStatus: string };
};

export const claimMerges = pgTable(
  'claim_merges',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // The claim that was merged (and now points at the target) and the claim it became.
    sourceClaimId: integer('source_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    targetClaimId: integer('target_claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    moved: jsonb('moved').$type<MergeRecord>().notNull(),
    reason: text('reason'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Set when the last mention that came from the source claim was split back out.
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index('claim_merges_target_idx').on(t.targetClaimId), index('claim_merges_source_idx').on(t.sourceClaimId)],
);

export const claimsRelations = relations(claims, ({ one, many }) => ({
  claimant: one(entities, { fields: [claims.claimantId], references: [entities.id] }),
  statusInfo: one(statuses, { fields: [claims.status], references: [statuses.key] }),
  mentions: many(mentions),
  linksFrom: many(claimLinks, { relationName: 'linkFrom' }),
  linksTo: many(claimLinks, { relationName: 'linkTo' }),
  subjects: many(claimSubjects),
}));

export const mentionsRelations = relations(mentions, ({ one }) => ({
  claim: one(claims, { fields: [mentions.claimId], references: [claims.id] }),
  source: one(sources, { fields: [mentions.sourceId], references: [sources.id] }),
  speaker: one(entities, { fields: [mentions.speakerId], references: [entities.id] }),
}));

export const claimLinksRelations = relations(claimLinks, ({ one }) => ({
  from: one(claims, { fields: [claimLinks.fromClaimId], references: [claims.id], relationName: 'linkFrom' }),
  to: one(claims, { fields: [claimLinks.toClaimId], references: [claims.id], relationName: 'linkTo' }),
}));

export const claimSubjectsRelations = relations(claimSubjects, ({ one }) => ({
  claim: one(claims, { fields: [claimSubjects.claimId], references: [claims.id] }),
  entity: one(entities, { fields: [claimSubjects.entityId], references: [entities.id] }),
}));
