import { relations, sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';

export const entityKinds = ['person', 'organisation', 'outlet', 'group', 'place'] as const;
export type EntityKind = (typeof entityKinds)[number];

export const entities = pgTable(
  'entities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    // Canonical name, in its English form where one exists ("White House", not "Maison Blanche").
    name: text('name').notNull(),
    kind: text('kind', { enum: entityKinds }).notNull().default('person'),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('entities_slug_key').on(t.slug),
    check('entities_kind_check', sql`${t.kind} in ('person', 'organisation', 'outlet', 'group', 'place')`),
  ],
);

export const entityAliases = pgTable(
  'entity_aliases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    // Lower-cased, accents stripped, transliterations folded: what lookups compare.
    normalized: text('normalized').notNull(),
    language: text('language'),
  },
  (t) => [
    unique('entity_aliases_entity_normalized_key').on(t.entityId, t.normalized),
    index('entity_aliases_normalized_idx').on(t.normalized),
    // Fuzzy name lookup (Sergei / Sergey / Sergueï) with pg_trgm.
    index('entity_aliases_normalized_trgm_idx').using('gin', t.normalized.op('gin_trgm_ops')),
  ],
);

export const entitiesRelations = relations(entities, ({ many }) => ({
  aliases: many(entityAliases),
}));

export const entityAliasesRelations = relations(entityAliases, ({ one }) => ({
  entity: one(entities, { fields: [entityAliases.entityId], references: [entities.id] }),
}));
