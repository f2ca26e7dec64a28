// Syndication: wire copy reprinted or translated by several outlets is one underlying report.
// A source that reprints another points at it (sources.syndicatedFromId), so a claim carried
// by an AFP dispatch and two outlets' versions of it counts one independent source, not three.
//
// Detected three ways: an agency credit ("(AFP)", "avec AFP"; per-language data in
// lexicons/syndication), near-duplicate text in one language (shingles), and translations
// (sources in different languages carrying the same claims in the same order). An editor's
// choice, setting or clearing it, is never overridden by detection.
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { listAnchoredMentionsOfClaims, listClaimOrderInSource } from '../../db/queries/mentions.ts';
import { findSource, type SourceRow } from '../../db/queries/sources.ts';
import {
  listBandNeighbours,
  listSourcesSharingClaims,
  listSyndicationChain,
  updateSourceSyndication,
} from '../../db/queries/syndication.ts';
import type { ClutterRange } from '../../db/schema/index.ts';
import { Invalid, NotFound } from '../errors.ts';
import { actorId, type Actor } from './actor.ts';
import { agencies, creditLexicons, type CreditLexicon } from './lexicons/syndication/index.ts';
import { commonOrder, containment, shingleBands, shinglesOf, withoutRanges } from './shingles.ts';

// A reprint shares most of its five-word runs with the original, however trimmed or topped.
const REPRINT_CONTAINMENT = 0.6;
// A translation carries the same claims in (nearly) the same order.
const TRANSLATION_MIN_SHARED = 3;
const TRANSLATION_ORDER = 0.75;
// An uncredited translation of credited wire copy needs more evidence than a credited one.
const UNCREDITED_MIN_SHARED = 4;
const UNCREDITED_MIN_SHARE = 0.3;

// --- agency credits (pure)

type CompiledLexicon = { credits: RegExp[]; pictures: RegExp[] };
const compiled = new Map<string, CompiledLexicon>();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-\s]+/g, '[-\\s]+');
const agencyAlternation = agencies
  .flatMap((a) => a.names)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

function compile(lex: CreditLexicon): CompiledLexicon {
  let c = compiled.get(lex.language);
  if (c) return c;
  // The first {agency} captures the name; later ones ("AFP/Xinhua") only need to match.
  const build = (pattern: string) => {
    let first = true;
    const source = pattern.replace(/\{agency\}/g, () => {
      const group = first ? `(${agencyAlternation})` : `(?:${agencyAlternation})`;
      first = false;
      return group;
    });
    return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'iu');
  };
  c = { credits: lex.credits.map(build), pictures: lex.pictureCredits.map(build) };
  compiled.set(lex.language, c);
  return c;
}

/** The agency's display name for a credited name, honouring the case of acronyms ("AP", not "ap"). */
function agencyNamed(found: string): string | null {
  const norm = found.replace(/[-\s]+/g, ' ').toLowerCase();
  for (const a of agencies) {
    for (const name of a.names) {
      if (name.replace(/[-\s]+/g, ' ').toLowerCase() !== norm) continue;
      const isAcronym = /^[A-Z]{2,5}$/.test(name);
      if (isAcronym && found !== name) continue;
      return a.name;
    }
  }
  return null;
}

export type AgencyCredit = { agency: string; where: 'publisher' | 'author' | 'text'; text: string };

/**
 * The news agency an article credits for its text, from its publisher and author fields and
 * from lines of its body outside page clutter (picture credits never count).
 */
export function findAgencyCredit(input: {
  publisher?: string | null;
  author?: string | null;
  body?: string | null;
  clutter?: ClutterRange[];
  language?: string | null;
}): AgencyCredit | null {
  const lexicons = [
    ...(input.language && creditLexicons[input.language] ? [creditLexicons[input.language]!] : []),
    ...Object.values(creditLexicons).filter((l) => l.language !== input.language),
  ].map(compile);
  const fields: [AgencyCredit['where'], string | null | undefined][] = [
    ['publisher', input.publisher],
    ['author', input.author],
  ];
  const lines = input.body
    ? // Picture credits are marked as clutter by the analysis; other clutter cannot hide a credit.
      withoutRanges(input.body, (input.clutter ?? []).filter((c) => c.kind === 'credit'))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  const candidates: [AgencyCredit['where'], string][] = [
    ...fields.filter((f): f is [AgencyCredit['where'], string] => Boolean(f[1])),
    ...lines.map((l) => ['text', l] as [AgencyCredit['where'], string]),
  ];
  for (const [where, text] of candidates) {
    for (const lex of lexicons) {
      if (where === 'text' && lex.pictures.some((p) => p.test(text))) continue;
      for (const credit of lex.credits) {
        const m = credit.exec(text);
        const agency = m?.[1] ? agencyNamed(m[1]) : null;
        if (agency) return { agency, where, text: text.length > 120 ? `${text.slice(0, 117)}…` : text };
      }
    }
  }
  return null;
}

// --- detection

type Candidate = Pick<SourceRow, 'id' | 'publishedOn' | 'agency' | 'syndicatedFromId' | 'syndicationSetBy'>;

/** Which of two sources is the earlier report: a known date beats none, a credited agency breaks ties. */
function originOf<T extends Candidate>(a: T, b: T): [origin: T, reprint: T] {
  if (a.publishedOn && b.publishedOn && a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? [a, b] : [b, a];
  if (Boolean(a.publishedOn) !== Boolean(b.publishedOn)) return a.publishedOn ? [a, b] : [b, a];
  if (Boolean(a.agency) !== Boolean(b.agency)) return a.agency ? [a, b] : [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}

export type SyndicationChange = {
  sourceId: number;
  agency?: string | null;
  syndicatedFromId?: number | null;
  note: string;
};

/**
 * Looks at a source and records what detection finds: its agency credit, and whether it
 * reprints (same language, near-duplicate text) or translates (same claims in the same order)
 * another stored source, or is reprinted by one. Sources an editor decided on are left alone.
 * Runs in the caller's transaction; returns the changes made.
 */
export async function detectSyndication(tx: Executor, user: Actor, sourceId: number): Promise<SyndicationChange[]> {
  const source = await findSource(tx, sourceId);
  if (!source) throw new NotFound(`There is no source ${sourceId}.`);
  const changes: SyndicationChange[] = [];

  let shingles: Set<number> | null = null;
  if (source.body) {
    shingles = shinglesOf(withoutRanges(source.body, source.clutter));
    const bands = shingleBands(shingles);
    if (JSON.stringify(bands) !== JSON.stringify(source.shingleBands ?? [])) {
      await updateSourceSyndication(tx, source.id, { shingleBands: bands });
      source.shingleBands = bands;
    }
  }

  if (!source.agency && source.syndicationSetBy !== 'editor') {
    const credit = findAgencyCredit(source);
    if (credit) {
      const change = { sourceId: source.id, agency: credit.agency, note: `credits ${credit.agency} (${credit.where}: “${credit.text}”)` };
      await apply(tx, user, source, change);
      changes.push(change);
    }
  }

  if (shingles && source.shingleBands?.length) {
    const neighbours = await listBandNeighbours(tx, source.id, source.shingleBands, 20);
    let best: { other: (typeof neighbours)[number]; share: number } | null = null;
    for (const other of neighbours) {
      if (!other.body || (source.language && other.language && source.language !== other.language)) continue;
      const share = containment(shingles, shinglesOf(withoutRanges(other.body, other.clutter)));
      if (share >= REPRINT_CONTAINMENT && (!best || share > best.share)) best = { other, share };
    }
    if (best) {
      const change = await linkReprint(tx, user, source, best.other, `near-duplicate text: ${Math.round(best.share * 100)}% of its five-word runs are shared`);
      if (change) changes.push(change);
    }
  }

  const translation = await findTranslation(tx, source);
  if (translation) {
    const change = await linkReprint(tx, user, source, translation.other, translation.note);
    if (change) changes.push(change);
  }
  return changes;
}

/**
 * After a claim gains a mention, its sources may now show as translations of one another. Only
 * a claim carried by two sources or more adds to what two sources share.
 */
export async function refreshSyndicationOfClaim(tx: Executor, user: Actor, claimId: number): Promise<void> {
  const mentions = await listAnchoredMentionsOfClaims(tx, [claimId]);
  const sourceIds = [...new Set(mentions.filter((m) => m.role !== 'evidence').map((m) => m.sourceId))];
  if (sourceIds.length < 2) return;
  for (const sourceId of sourceIds) {
    const source = await findSource(tx, sourceId);
    if (!source || source.syndicatedFromId || source.syndicationSetBy === 'editor') continue;
    const translation = await findTranslation(tx, source, sourceIds);
    if (translation) await linkReprint(tx, user, source, translation.other, translation.note);
  }
}

async function findTranslation(tx: Executor, source: SourceRow, among?: number[]) {
  const others = (await listSourcesSharingClaims(tx, source.id, TRANSLATION_MIN_SHARED, 10)).filter(
    (o) => (!source.language || !o.language || o.language !== source.language) && (!among || among.includes(o.id)),
  );
  if (!others.length) return null;
  const mine = await listClaimOrderInSource(tx, source.id);
  for (const other of others) {
    const theirs = await listClaimOrderInSource(tx, other.id);
    const shared = new Set(mine.filter((c) => theirs.includes(c)));
    const a = mine.filter((c) => shared.has(c));
    const b = theirs.filter((c) => shared.has(c));
    const inOrder = commonOrder(a, b) / Math.max(1, shared.size);
    if (inOrder < TRANSLATION_ORDER) continue;
    const sameAgency = Boolean(source.agency) && source.agency === other.agency;
    const oneCredited = !source.agency !== !other.agency;
    const share = shared.size / Math.max(1, Math.min(mine.length, theirs.length));
    const enough = sameAgency || (oneCredited && shared.size >= UNCREDITED_MIN_SHARED && share >= UNCREDITED_MIN_SHARE);
    if (!enough) continue;
    return {
      other,
      note: `translation: ${shared.size} of the same claims, ${Math.round(inOrder * 100)}% in the same order${sameAgency ? `, both credit ${source.agency}` : ''}`,
    };
  }
  return null;
}

/**
 * Records that one of two sources reprints the other (the earlier report is the origin),
 * pointing the reprint at the origin's root so the group has one underlying report.
 */
async function linkReprint(
  tx: Executor,
  user: Actor,
  source: SourceRow,
  other: Candidate,
  why: string,
): Promise<SyndicationChange | null> {
  const [origin, reprint] = originOf<Candidate>(source, other);
  if (reprint.syndicationSetBy === 'editor' || reprint.syndicatedFromId) return null;
  const chain = await listSyndicationChain(tx, origin.id);
  const root = chain.length ? chain[chain.length - 1]! : { id: origin.id, agency: origin.agency };
  if (root.id === reprint.id || chain.some((c) => c.id === reprint.id)) return null;
  const agency = reprint.agency ?? origin.agency ?? root.agency ?? null;
  const change = { sourceId: reprint.id, syndicatedFromId: root.id, agency, note: why };
  const row = reprint.id === source.id ? source : await findSource(tx, reprint.id);
  if (!row) return null;
  await apply(tx, user, row, change);
  return change;
}

async function apply(tx: Executor, user: Actor, source: SourceRow, change: SyndicationChange, setBy: 'detected' | 'editor' = 'detected') {
  const before = { agency: source.agency, syndicatedFromId: source.syndicatedFromId, note: source.syndicationNote };
  const patch = {
    ...(change.agency !== undefined ? { agency: change.agency } : {}),
    ...(change.syndicatedFromId !== undefined ? { syndicatedFromId: change.syndicatedFromId } : {}),
    syndicationSetBy: setBy,
    syndicationNote: change.note,
  };
  await updateSourceSyndication(tx, source.id, patch);
  Object.assign(source, patch);
  await recordAudit(tx, {
    userId: actorId(user),
    action: setBy === 'editor' ? 'source.syndication' : 'source.syndication.detect',
    subjectType: 'source',
    subjectId: source.id,
    before,
    after: { agency: source.agency, syndicatedFromId: source.syndicatedFromId, note: change.note },
  });
}

// --- editors

export const SyndicationInput = z.object({
  agency: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((v) => v || null),
  // An id, or a /sources/:id address; empty: this source is an original report.
  syndicatedFrom: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const m = /^(?:.*\/sources\/)?#?(\d{1,9})\/?$/.exec(v);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'Give the number of the source it reprints, or its Claimline address.' });
        return z.NEVER;
      }
      return Number(m[1]);
    }),
  note: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => v || null),
});

/** An editor sets or clears what a source reprints and its agency; detection will not undo it. */
export async function setSyndication(db: Db, user: Actor, sourceId: number, input: z.infer<typeof SyndicationInput>) {
  return db.transaction(async (tx) => {
    const source = await findSource(tx, sourceId);
    if (!source) throw new NotFound(`There is no source ${sourceId}.`);
    if (input.syndicatedFrom !== null) {
      if (input.syndicatedFrom === sourceId) {
        throw new Invalid('A source cannot reprint itself.', { syndicatedFrom: 'Give another source.' });
      }
      const origin = await findSource(tx, input.syndicatedFrom);
      if (!origin) throw new Invalid('That source does not exist.', { syndicatedFrom: `There is no source ${input.syndicatedFrom}.` });
      const chain = await listSyndicationChain(tx, origin.id);
      if (chain.some((c) => c.id === sourceId)) {
        throw new Invalid('That source already reprints this one.', {
          syndicatedFrom: `“${origin.title}” reprints this source: mark it the other way round.`,
        });
      }
    }
    await apply(
      tx,
      user,
      source,
      {
        sourceId,
        agency: input.agency,
        syndicatedFromId: input.syndicatedFrom,
        note: input.note ?? (input.syndicatedFrom ? 'set by an editor' : 'marked original by an editor'),
      },
      'editor',
    );
    return source;
  });
}

// --- honest counting

export type GroupableSource = {
  id: number;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  agency: string | null;
  syndicatedFromId: number | null;
};

export type SourceGroup<T extends GroupableSource> = {
  rootId: number;
  /** Who the underlying report comes from: the agency, else the original's publisher or title. */
  label: string;
  agency: string | null;
  members: T[];
  /** Outlets carrying the report other than the agency itself. */
  reprints: number;
};

/**
 * Groups sources by the report they carry (following syndicatedFromId, within the given set
 * and `parents` for links that lead outside it). One group is one independent source.
 */
export function groupBySyndication<T extends GroupableSource>(
  items: T[],
  parents: Map<number, number | null> = new Map(),
): SourceGroup<T>[] {
  const parentOf = (id: number) => items.find((s) => s.id === id)?.syndicatedFromId ?? parents.get(id) ?? null;
  const rootOf = (id: number) => {
    const seen = new Set<number>([id]);
    let at = id;
    for (let next = parentOf(at); next !== null && !seen.has(next); next = parentOf(at)) {
      seen.add(next);
      at = next;
    }
    return at;
  };
  const groups = new Map<number, T[]>();
  for (const s of items) {
    const root = rootOf(s.id);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  }
  return [...groups.entries()].map(([rootId, members]) => {
    const root = members.find((m) => m.id === rootId) ?? members[0]!;
    const agency = root.agency ?? members.find((m) => m.agency)?.agency ?? null;
    const isAgencyItself = (m: T) => Boolean(agency) && (m.publisher ?? '').trim().toLowerCase() === agency!.toLowerCase();
    return {
      rootId,
      label: agency ?? root.publisher ?? root.title,
      agency,
      members,
      reprints: agency ? members.filter((m) => !isAgencyItself(m)).length : members.length - 1,
    };
  });
}
