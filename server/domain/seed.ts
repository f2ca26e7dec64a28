import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findStoryBySlug } from '../../db/queries/stories.ts';
import {
  claimLinks,
  claimSubjects,
  claims,
  entities,
  entityAliases,
  entityKinds,
  linkKinds,
  mentionRoles,
  mentions,
  reviewEvidence,
  reviews,
  sources,
  sourceVersions,
  stances,
  stories,
  storyClaims,
} from '../../db/schema/index.ts';
import { quoteSelector } from './anchors.ts';
import { lookupForms } from './entities.ts';
import { indexClaimsForMatching } from './matching.ts';

// The curated demo: the two seed articles turned into claims, links, reviews and a story.
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Demo = z.object({
  story: z.object({ slug: z.string(), title: z.string(), summary: z.string() }),
  sources: z.array(
    z.object({
      key: z.string(),
      file: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      publisher: z.string().nullable(),
      author: z.string().nullable(),
      language: z.string(),
      publishedOn: isoDate.nullable(),
      agency: z.string().nullable(),
      syndicatedFrom: z.string().nullable(),
    }),
  ),
  entities: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      kind: z.enum(entityKinds),
      description: z.string().nullable(),
      aliases: z.array(z.tuple([z.string(), z.string().nullable()])),
    }),
  ),
  claims: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      language: z.string(),
      claimant: z.string().nullable(),
      claimedOn: isoDate.nullable(),
      precision: z.enum(['day', 'month', 'year']).nullable(),
      eventOn: isoDate.nullable(),
      eventPrecision: z.enum(['day', 'month', 'year']).nullable(),
      checkworthiness: z.number().min(0).max(1),
      // When the newsroom recorded the claim, so the demo's "as of" views tell the story in
      // the order it unfolded. Absent: the moment of seeding.
      recordedAt: z.iso.datetime().optional(),
      subjects: z.array(z.string()),
      mentions: z.array(
        z.object({
          source: z.string(),
          quote: z.string().min(1),
          start: z.number().int().min(0),
          role: z.enum(mentionRoles),
          stance: z.enum(stances),
        }),
      ),
    }),
  ),
  links: z.array(z.tuple([z.string(), z.enum(linkKinds), z.string()])),
  reviews: z.array(
    z.object({
      claim: z.string(),
      status: z.string(),
      at: z.iso.datetime(),
      rationale: z.string().nullable(),
      evidence: z.array(
        z.union([z.object({ source: z.string() }), z.object({ url: z.url(), note: z.string().optional() })]),
      ),
    }),
  ),
});
export type DemoData = z.infer<typeof Demo>;

export const seedsDir = new URL('../../seeds/', import.meta.url).pathname;

export function hashBody(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export async function readDemo(dir = seedsDir): Promise<{ demo: DemoData; bodies: Map<string, string> }> {
  const demo = Demo.parse(JSON.parse(await readFile(join(dir, 'demo.json'), 'utf8')));
  const bodies = new Map<string, string>();
  for (const source of demo.sources) bodies.set(source.key, await readFile(join(dir, source.file), 'utf8'));
  return { demo, bodies };
}

// Any constant works: it serialises two instances seeding one PostgreSQL at once.
const SEED_LOCK = 7_214_031_926;

/**
 * Loads the demo in one transaction. Idempotent: when the demo story exists nothing is
 * written; sources already imported (same body) and entities already known are reused.
 */
export async function seedDemo(db: Db, dir = seedsDir): Promise<{ created: boolean; claims: number }> {
  const { demo, bodies } = await readDemo(dir);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await findStoryBySlug(tx, demo.story.slug)) return { created: false, claims: 0 };

    const recorded = recordedTimes(demo);
    const sourceIds = new Map<string, number>();
    for (const s of demo.sources) {
      const body = bodies.get(s.key)!;
      sourceIds.set(
        s.key,
        await upsertSource(tx, s, body, s.syndicatedFrom ? sourceIds.get(s.syndicatedFrom) : undefined, recorded.sources.get(s.key)),
      );
    }

    const entityIds = new Map<string, number>();
    for (const e of demo.entities) entityIds.set(e.slug, await upsertEntity(tx, e));
    const entityId = (slug: string) => {
      const id = entityIds.get(slug);
      if (id === undefined) throw new Error(`seeds/demo.json: unknown entity "${slug}"`);
      return id;
    };

    const claimIds = new Map<string, number>();
    for (const c of demo.claims) {
      const recordedAt = c.recordedAt ? new Date(c.recordedAt) : undefined;
      const [row] = await tx
        .insert(claims)
        .values({
          createdAt: recordedAt,
          updatedAt: recordedAt,
          text: c.text,
          language: c.language,
          claimantId: c.claimant ? entityId(c.claimant) : null,
          claimedOn: c.claimedOn,
          claimedOnPrecision: c.precision,
          eventOn: c.eventOn,
          eventOnPrecision: c.eventPrecision,
          checkworthiness: c.checkworthiness,
        })
        .returning({ id: claims.id });
      claimIds.set(c.key, row!.id);
      for (const m of c.mentions) {
        const body = bodies.get(m.source);
        if (body === undefined) throw new Error(`seeds/demo.json: claim ${c.key} cites unknown source "${m.source}"`);
        if (body.slice(m.start, m.start + m.quote.length) !== m.quote) {
          throw new Error(`seeds/demo.json: the quote of claim ${c.key} is not at offset ${m.start} of ${m.source}`);
        }
        const end = m.start + m.quote.length;
        await tx.insert(mentions).values({
          claimId: row!.id,
          sourceId: sourceIds.get(m.source)!,
          ...quoteSelector(body, m.start, end),
          start: m.start,
          end,
          role: m.role,
          stance: m.stance,
          speakerId: c.claimant ? entityId(c.claimant) : null,
          createdAt: latest(recordedAt, recorded.sources.get(m.source)),
        });
      }
      if (c.subjects.length) {
        await tx
          .insert(claimSubjects)
          .values(c.subjects.map((slug) => ({ claimId: row!.id, entityId: entityId(slug) })))
          .onConflictDoNothing();
      }
    }
    const claimId = (key: string) => {
      const id = claimIds.get(key);
      if (id === undefined) throw new Error(`seeds/demo.json: unknown claim "${key}"`);
      return id;
    };

    for (const [from, kind, to] of demo.links) {
      // A link is made once both of its claims are recorded.
      const at = latest(recorded.claims.get(from), recorded.claims.get(to)) ?? new Date();
      await tx.insert(claimLinks).values({
        fromClaimId: claimId(from),
        toClaimId: claimId(to),
        kind,
        origin: 'editor',
        createdAt: at,
        acceptedAt: at,
      });
    }

    const ordered = [...demo.reviews].sort((a, b) => a.at.localeCompare(b.at));
    for (const r of ordered) {
      const at = new Date(r.at);
      const [review] = await tx
        .insert(reviews)
        .values({ claimId: claimId(r.claim), status: r.status, rationale: r.rationale, createdAt: at, approvedAt: at })
        .returning({ id: reviews.id });
      for (const e of r.evidence) {
        await tx.insert(reviewEvidence).values(
          'source' in e
            ? { reviewId: review!.id, sourceId: sourceIds.get(e.source) ?? null }
            : { reviewId: review!.id, url: e.url, note: e.note ?? null },
        );
      }
      await tx
        .update(claims)
        .set({ status: r.status, publishedStatus: r.status })
        .where(eq(claims.id, claimId(r.claim)));
    }

    const [story] = await tx
      .insert(stories)
      .values({ ...demo.story, createdAt: earliest(...recorded.claims.values()) })
      .returning({ id: stories.id });
    await tx.insert(storyClaims).values(
      demo.claims.map((c, position) => ({
        storyId: story!.id,
        claimId: claimId(c.key),
        position,
        addedAt: recorded.claims.get(c.key),
      })),
    );

    // Same-claim candidates find the demo's claims too: give them matching keys now.
    await indexClaimsForMatching(tx, demo.claims.length);

    await recordAudit(tx, {
      userId: null,
      action: 'seed.load',
      subjectType: 'story',
      subjectId: story!.id,
      after: { story: demo.story.slug, claims: demo.claims.length, sources: demo.sources.length },
    });
    return { created: true, claims: demo.claims.length };
  });
}

/**
 * When each demo claim and source entered the newsroom: a claim at its recordedAt, a source
 * on the morning of its publication or else with the first claim taken from it.
 */
function recordedTimes(demo: DemoData) {
  const claimTimes = new Map<string, Date>();
  for (const c of demo.claims) if (c.recordedAt) claimTimes.set(c.key, new Date(c.recordedAt));
  const sourceTimes = new Map<string, Date>();
  for (const s of demo.sources) {
    const fromClaims = earliest(
      ...demo.claims.filter((c) => c.mentions.some((m) => m.source === s.key)).map((c) => claimTimes.get(c.key)),
    );
    const at = s.publishedOn ? new Date(`${s.publishedOn}T08:00:00Z`) : fromClaims;
    if (at) sourceTimes.set(s.key, at);
  }
  return { claims: claimTimes, sources: sourceTimes };
}

function earliest(...dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((a, b) => (!b ? a : !a || b < a ? b : a), undefined);
}

function latest(...dates: (Date | undefined)[]): Date | undefined {
  return dates.reduce<Date | undefined>((a, b) => (!b ? a : !a || b > a ? b : a), undefined);
}

async function upsertSource(
  tx: Tx,
  s: DemoData['sources'][number],
  body: string,
  syndicatedFromId: number | undefined,
  recordedAt: Date | undefined,
): Promise<number> {
  const bodyHash = hashBody(body);
  const existing = await tx.select({ id: sources.id }).from(sources).where(eq(sources.bodyHash, bodyHash)).limit(1);
  if (existing[0]) return existing[0].id;
  const [row] = await tx
    .insert(sources)
    .values({
      kind: 'article',
      title: s.title,
      url: s.url,
      publisher: s.publisher,
      author: s.author,
      language: s.language,
      publishedOn: s.publishedOn,
      body,
      bodyHash,
      agency: s.agency,
      syndicatedFromId: syndicatedFromId ?? null,
      createdAt: recordedAt,
      updatedAt: recordedAt,
    })
    .returning({ id: sources.id });
  await tx.insert(sourceVersions).values({ sourceId: row!.id, version: 1, body, bodyHash, createdAt: recordedAt });
  return row!.id;
}

async function upsertEntity(tx: Tx, e: DemoData['entities'][number]): Promise<number> {
  const existing = await tx.select({ id: entities.id }).from(entities).where(eq(entities.slug, e.slug)).limit(1);
  const id =
    existing[0]?.id ??
    (
      await tx
        .insert(entities)
        .values({ slug: e.slug, name: e.name, kind: e.kind, description: e.description })
        .returning({ id: entities.id })
    )[0]!.id;
  const aliases = [[e.name, null] as const, ...e.aliases].flatMap(([alias, language]) =>
    lookupForms(alias).map((normalized) => ({ entityId: id, alias, normalized, language })),
  );
  await tx.insert(entityAliases).values(aliases).onConflictDoNothing();
  return id;
}
