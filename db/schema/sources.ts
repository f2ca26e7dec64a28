import { relations, sql, type SQL } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { tsvector } from './types.ts';
import { users } from './users.ts';

export const sourceKinds = ['article', 'statement', 'transcript', 'social', 'document'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** A part of a body left out of analysis (search box, photo credit, repeated teaser…), never deleted. */
export type ClutterRange = { start: number; end: number; kind: string };

export const sources = pgTable(
  'sources',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: sourceKinds }).notNull().default('article'),
    title: text('title').notNull(),
    url: text('url'),
    publisher: text('publisher'),
    author: text('author'),
    language: text('language'),
    publishedOn: date('published_on', { mode: 'string' }),
    // The current body; earlier bodies stay in source_versions so old anchors can be explained.
    body: text('body'),
    bodyHash: text('body_hash'),
    version: integer('version').notNull().default(1),
    clutter: jsonb('clutter').$type<ClutterRange[]>().notNull().default([]),
    // Wire copy: the report this one reprints or translates, so independent sources are counted honestly.
    syndicatedFromId: integer('syndicated_from_id').references((): any => sources.id, { onDelete: 'set null' }),
    agency: text('agency'),
    // Why it is (or is not) marked as wire copy: detected from credits, text or shared claims,
    // or set by an editor — whose choice detection never overrides.
    syndicationSetBy: text('syndication_set_by', { enum: ['detected', 'editor'] }),
    syndicationNote: text('syndication_note'),
    // LSH bands of a MinHash over the body's word shingles: near-duplicate reprints share a band,
    // so candidates come from an index rather than from comparing every body.
    shingleBands: text('shingle_bands').array(),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Title weighted above the body, both in the source's language (migration 0005).
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector(claimline_ts_config(${sources.language}), ${sources.title}), 'A') || setweight(to_tsvector(claimline_ts_config(${sources.language}), coalesce(${sources.body}, '')), 'D')`,
    ),
  },
  (t) => [
    uniqueIndex('sources_body_hash_key').on(t.bodyHash),
    index('sources_search_idx').using('gin', t.searchVector),
    index('sources_url_idx').on(t.url),
    index('sources_published_on_idx').on(t.publishedOn),
    index('sources_syndicated_from_idx').on(t.syndicatedFromId),
    index('sources_shingle_bands_idx').using('gin', t.shingleBands),
    check('sources_syndication_set_by_check', sql`${t.syndicationSetBy} in ('detected', 'editor')`),
    check('sources_kind_check', sql`${t.kind} in ('article', 'statement', 'transcript', 'social', 'document')`),
  ],
);

// Append-only: a stored body never changes, so offsets into it stay meaningful forever.
export const sourceVersions = pgTable(
  'source_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    bodyHash: text('body_hash').notNull(),
    clutter: jsonb('clutter').$type<ClutterRange[]>().notNull().default([]),
    // What changed and why ("correction: the minister's name was misspelt"), and where it was fetched.
    note: text('note'),
    fetchedFrom: text('fetched_from'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('source_versions_source_version_key').on(t.sourceId, t.version),
    index('source_versions_body_hash_idx').on(t.bodyHash),
  ],
);

export const sourcesRelations = relations(sources, ({ one, many }) => ({
  versions: many(sourceVersions),
  syndicatedFrom: one(sources, { fields: [sources.syndicatedFromId], references: [sources.id] }),
}));

export const sourceVersionsRelations = relations(sourceVersions, ({ one }) => ({
  source: one(sources, { fields: [sourceVersions.sourceId], references: [sources.id] }),
}));
