// The editor's work on an article's suggestions: accept one (as a new claim, or joined to an
// existing claim it restates), edit it first, dismiss it (kept, so re-analysis does not bring it
// back), or make a suggestion of any span of the text. Each action is one transaction with its
// audit events.
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import {
  findClaimMatching,
  findLiveClaim,
  insertClaim,
  insertClaimSubjects,
  insertMention,
  setClaimMatching,
  touchClaim,
} from '../../db/queries/claims.ts';
import { findSource, findSourceForUpdate } from '../../db/queries/sources.ts';
import { findSuggestion, findSuggestionByFingerprint, insertSuggestions, updateSuggestion, type SuggestionRow } from '../../db/queries/suggestions.ts';
import type { MentionRole, Stance } from '../../db/schema/index.ts';
import { analyzeArticle, type AnalysedClaim, type ClaimFeatures, type EntityRef } from '../analysis/index.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { quoteSelector } from './anchors.ts';
import { proposeLinksForClaim } from './links.ts';
import { normalizeAlias, resolveEntities, type EntityLike } from './entities.ts';
import { storedDate, suggestionRow } from './imports.ts';
import { bestOverlap, emptyFeatures, findSameClaimCandidates, matchKeysOf, withEntityIds, type SameClaimCandidate } from './matching.ts';

/** What the analysis stored with a suggestion (suggestions.analysis). */
export type SuggestionAnalysis = {
  speaker?: EntityRef | null;
  subjects?: EntityRef[];
  eventOn?: string | null;
  statementOn?: string | null;
  features?: ClaimFeatures;
};

/** The editor's version of a suggestion: wording, speaker (null: the outlet itself), stance, date, role. */
export type SuggestionEdits = {
  text: string;
  speaker: string | null;
  stance: Stance;
  claimedOn: string | null;
  role: MentionRole;
};

export type AcceptInput = SuggestionEdits & { joinClaimId: number | null };

const analysisOf = (s: SuggestionRow) => s.analysis as SuggestionAnalysis;

/** A partial date as the editor typed it back into the form: "2019-12-10", "2019-12" or "2019". */
export function partialDate(on: string | null, precision: string | null): string | null {
  if (!on) return null;
  return precision === 'year' ? on.slice(0, 4) : precision === 'month' ? on.slice(0, 7) : on;
}

/** The form's starting values: what the analysis found. */
export function editsOf(s: SuggestionRow): SuggestionEdits {
  return {
    text: s.text,
    speaker: s.speakerName,
    stance: s.stance,
    claimedOn: partialDate(s.claimedOn, s.claimedOnPrecision),
    // The outlet asserting something itself is where the claim is made; quoting someone is a report.
    role: s.speakerName ? 'report' : 'origin',
  };
}

function checkEdits(e: SuggestionEdits): void {
  const fields: Record<string, string> = {};
  if (!e.text.trim()) fields.text = 'A claim needs its wording.';
  else if (e.text.length > 1000) fields.text = 'Keep the wording under 1,000 characters.';
  if (e.speaker && e.speaker.length > 200) fields.speaker = 'A speaker’s name is under 200 characters.';
  if (e.claimedOn && !storedDate(e.claimedOn).on) fields.claimedOn = 'Give the date as YYYY-MM-DD, YYYY-MM or YYYY.';
  if (e.claimedOn) {
    const d = storedDate(e.claimedOn).on;
    if (d && Number.isNaN(new Date(`${d}T12:00:00Z`).getTime())) fields.claimedOn = 'That date does not exist.';
  }
  if (Object.keys(fields).length) throw new Invalid('Some fields need attention.', fields);
}

/** The speaker as an entity reference: the analysis' own when the editor kept its name. */
function speakerRef(s: SuggestionRow, speaker: string | null): EntityLike | null {
  if (!speaker?.trim()) return null;
  const found = analysisOf(s).speaker;
  if (found && normalizeAlias(found.name) === normalizeAlias(speaker)) return found;
  return { name: speaker.trim(), kind: 'person', aliases: [] };
}

/**
 * Matching features of a suggestion as the editor leaves it, entities as database ids. With
 * `create`, entities not known yet are created (accepting); without, only known ones count.
 */
async function resolvedFeatures(ex: Executor, s: SuggestionRow, edits: SuggestionEdits, opts: { create: boolean; userId: number | null }) {
  const a = analysisOf(s);
  const speaker = speakerRef(s, edits.speaker);
  const subjects = (a.subjects ?? []).filter((ref) => !ref.key.startsWith('role:'));
  const refs: EntityLike[] = [...(speaker ? [speaker] : []), ...subjects];
  const ids = await resolveEntities(ex, refs, opts);
  const claimantId = speaker ? (ids.get(0) ?? null) : null;
  const subjectIds = new Map<string, number>();
  subjects.forEach((ref, i) => {
    const id = ids.get(i + (speaker ? 1 : 0));
    if (id !== undefined && id !== claimantId) subjectIds.set(ref.key, id);
  });
  const base = a.features ?? emptyFeatures(s.stance);
  const day = storedDate(edits.claimedOn);
  let features = withEntityIds(base, claimantId, subjectIds);
  const polarity = edits.stance === base.stance ? base.polarity : edits.stance === 'deny' ? 'negative' : 'positive';
  features = {
    ...features,
    stance: edits.stance,
    polarity,
    dates: [...new Set([...(day.precision === 'day' && day.on ? [day.on] : []), ...(a.eventOn && a.eventOn.length === 10 ? [a.eventOn] : [])])],
  };
  return { features, claimantId, subjectIds: [...subjectIds.values()] };
}


async function loadSuggestion(ex: Executor, sourceId: number, suggestionId: number, lock = false) {
  const s = await findSuggestion(ex, suggestionId, { lock });
  if (!s || s.sourceId !== sourceId) throw new NotFound(`There is no suggestion ${suggestionId} in this article.`);
  return s;
}

/** The accept form: the suggestion, the editor's values and the claims it may be the same as. */
export async function getSuggestionEditor(ex: Executor, sourceId: number, suggestionId: number, edits?: SuggestionEdits) {
  const suggestion = await loadSuggestion(ex, sourceId, suggestionId);
  const source = await findSource(ex, sourceId);
  const values = edits ?? editsOf(suggestion);
  const candidates = await candidatesFor(ex, suggestion, values, source?.language ?? null);
  return { suggestion, values, candidates };
}

async function candidatesFor(ex: Executor, s: SuggestionRow, edits: SuggestionEdits, language: string | null): Promise<SameClaimCandidate[]> {
  const { features } = await resolvedFeatures(ex, s, edits, { create: false, userId: null });
  return findSameClaimCandidates(ex, { features, text: edits.text, language, excludeIds: s.claimId ? [s.claimId] : [] });
}

/**
 * Accepts a suggestion: it becomes a new claim, or a new mention of `joinClaimId`. The speaker
 * and subjects are resolved to entities (created when new), the mention anchored to the quote.
 */
export async function acceptSuggestion(db: Db, userId: number | null, sourceId: number, suggestionId: number, input: AcceptInput) {
  checkEdits(input);
  return db.transaction(async (tx) => {
    const s = await loadSuggestion(tx, sourceId, suggestionId, true);
    if (s.state !== 'pending') throw new Conflict(`This suggestion was already ${s.state}.`);
    const source = await findSourceForUpdate(tx, sourceId);
    if (!source?.body) throw new NotFound(`There is no article ${sourceId}.`);
    const { features, claimantId, subjectIds } = await resolvedFeatures(tx, s, input, { create: true, userId });
    const keys = matchKeysOf(features);
    const claimed = storedDate(input.claimedOn);
    const event = storedDate(analysisOf(s).eventOn ?? null);

    let claimId: number;
    let created = false;
    if (input.joinClaimId) {
      const claim = await findLiveClaim(tx, input.joinClaimId);
      if (!claim) throw new Invalid('That claim no longer exists or was merged: choose another.', { joinClaimId: 'Choose another claim.' });
      claimId = claim.id;
      // The claim is now also found by what this mention says, in its language.
      const current = await findClaimMatching(tx, claim.id);
      await setClaimMatching(tx, claim.id, {
        matchKeys: [...new Set([...(current?.matchKeys ?? []), ...keys])],
        matchFeatures: current?.matchFeatures ?? features,
      });
      await insertClaimSubjects(tx, claim.id, subjectIds);
      await touchClaim(tx, claim.id);
    } else {
      const claim = await insertClaim(tx, {
        text: input.text.trim(),
        language: source.language,
        claimantId,
        claimedOn: claimed.on,
        claimedOnPrecision: claimed.precision,
        eventOn: event.on,
        eventOnPrecision: event.precision,
        checkworthiness: s.checkworthiness,
        createdById: userId,
        matchKeys: keys,
        matchFeatures: features,
      });
      claimId = claim.id;
      created = true;
      await insertClaimSubjects(tx, claimId, subjectIds);
      await recordAudit(tx, {
        userId,
        action: 'claim.create',
        subjectType: 'claim',
        subjectId: claimId,
        claimId,
        after: { text: claim.text, claimantId, claimedOn: claimed.on, claimedOnPrecision: claimed.precision, language: source.language, fromSuggestion: s.id },
      });
    }

    const mention = await insertMention(tx, {
      claimId,
      sourceId,
      ...quoteSelector(source.body, s.start, s.end),
      start: s.start,
      end: s.end,
      sourceVersion: source.version,
      role: input.role,
      stance: input.stance,
      speakerId: claimantId,
      createdById: userId,
    });
    if (!mention) throw new Conflict('This passage is already a mention of that claim.');
    await recordAudit(tx, {
      userId,
      action: 'mention.create',
      subjectType: 'mention',
      subjectId: mention.id,
      claimId,
      after: { sourceId, start: s.start, end: s.end, role: input.role, stance: input.stance },
    });

    // Links the analysis suggests from stance and attribution (a denial by the party concerned…).
    await proposeLinksForClaim(tx, userId ? { id: userId } : null, claimId);

    const decided = { text: input.text.trim(), speakerName: input.speaker?.trim() || null, stance: input.stance, claimedOn: claimed.on, claimedOnPrecision: claimed.precision };
    await updateSuggestion(tx, s.id, { ...decided, state: 'accepted', claimId, decidedById: userId, decidedAt: new Date() });
    await recordAudit(tx, {
      userId,
      action: 'suggestion.accept',
      subjectType: 'suggestion',
      subjectId: s.id,
      claimId,
      before: { state: s.state, text: s.text, speakerName: s.speakerName, stance: s.stance, claimedOn: s.claimedOn },
      after: { state: 'accepted', ...decided, joined: !created },
    });
    return { claimId, mentionId: mention.id, created };
  });
}

/** Sets a suggestion aside. It is kept, so the next analysis of the article does not offer it again. */
export async function dismissSuggestion(db: Db, userId: number | null, sourceId: number, suggestionId: number) {
  return decide(db, userId, sourceId, suggestionId, 'pending', 'dismissed');
}

/** Takes a dismissal back: the suggestion is pending again. */
export async function restoreSuggestion(db: Db, userId: number | null, sourceId: number, suggestionId: number) {
  return decide(db, userId, sourceId, suggestionId, 'dismissed', 'pending');
}

async function decide(db: Db, userId: number | null, sourceId: number, suggestionId: number, from: 'pending' | 'dismissed', to: 'pending' | 'dismissed') {
  await db.transaction(async (tx) => {
    const s = await loadSuggestion(tx, sourceId, suggestionId, true);
    if (s.state !== from) throw new Conflict(`This suggestion is ${s.state}, not ${from}.`);
    await updateSuggestion(tx, s.id, { state: to, decidedById: to === 'pending' ? null : userId, decidedAt: to === 'pending' ? null : new Date() });
    await recordAudit(tx, {
      userId,
      action: to === 'dismissed' ? 'suggestion.dismiss' : 'suggestion.restore',
      subjectType: 'suggestion',
      subjectId: s.id,
      before: { state: from },
      after: { state: to },
    });
  });
}

export type SpanInput = { start: number | null; end: number | null; quote: string } & Partial<SuggestionEdits>;

/**
 * Where an editor's selection stands in the body: the offsets the browser read when they still
 * hold the quote, else the quote itself found in the body (exactly, then with any run of spaces
 * and line breaks between its words).
 */
export function locateSelection(body: string, input: { start: number | null; end: number | null; quote: string }): { start: number; end: number } | null {
  const { start, end } = input;
  if (start !== null && end !== null && start >= 0 && end > start && end <= body.length) {
    const span = body.slice(start, end);
    if (!input.quote || span === input.quote || span.replace(/\s+/g, ' ').trim() === input.quote.replace(/\s+/g, ' ').trim()) return trimSpan(body, start, end);
  }
  const quote = input.quote.trim();
  if (!quote) return null;
  const exact = body.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const words = quote.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(words.join('\\s+'), 'u').exec(body);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

function trimSpan(body: string, start: number, end: number) {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return { start, end };
}

/**
 * Makes a suggestion of a span the editor chose: what the analysis makes of that passage
 * (speaker, stance, date, features), with the editor's values on top. Returns its id, for the
 * accept form; the same span chosen twice gives the same suggestion.
 */
export async function suggestSpan(db: Db, userId: number | null, sourceId: number, input: SpanInput) {
  const source = await findSource(db, sourceId);
  if (!source?.body) throw new NotFound(`There is no article ${sourceId}.`);
  const span = locateSelection(source.body, input);
  if (!span || span.end - span.start < 3) {
    throw new Invalid('That passage is not in the article: select it in the text, or paste it exactly as it appears.', {
      quote: 'Not found in the article text.',
    });
  }
  if (span.end - span.start > 2000) throw new Invalid('Select one statement, not a whole section (at most 2,000 characters).', { quote: 'Too long.' });
  const analysis = analyzeArticle(source.body, { published: source.publishedOn, language: source.language, outlet: source.publisher });
  const found = bestOverlap(analysis.claims, span) ?? analyzeArticle(source.body.slice(span.start, span.end), { published: source.publishedOn, language: source.language }).claims[0];
  const quote = source.body.slice(span.start, span.end);
  const base: AnalysedClaim = found
    ? { ...found, start: span.start, end: span.end, quote }
    : ({
        start: span.start, end: span.end, quote, text: quote.replace(/\s+/g, ' ').trim(), speaker: null, stance: 'assert', negated: false,
        claimedOn: source.publishedOn, statementOn: null, eventOn: null, chain: { outlet: null, author: null, claimant: null }, subjects: [],
        checkworthiness: 0.5, features: emptyFeatures('assert'), fingerprint: '', sentence: 0, via: 'editor',
      } satisfies AnalysedClaim);
  // The analysis' wording fits its own span; for another span the editor's words are the quote's.
  const sameSpan = found && found.start === span.start && found.end === span.end;
  const row = suggestionRow(source.id, source.version, { ...base, text: sameSpan ? base.text : quote.replace(/\s+/g, ' ').trim() }, `editor:${span.start}-${span.end}`);
  if (input.text?.trim()) row.text = input.text.trim();
  if (input.speaker !== undefined) row.speakerName = input.speaker?.trim() || null;
  if (input.stance) row.stance = input.stance;
  if (input.claimedOn !== undefined) {
    const d = storedDate(input.claimedOn);
    row.claimedOn = d.on;
    row.claimedOnPrecision = d.precision;
  }
  return db.transaction(async (tx) => {
    const added = await insertSuggestions(tx, [row]);
    const existing = await findSuggestionByFingerprint(tx, source.id, row.fingerprint);
    if (added) {
      await recordAudit(tx, {
        userId,
        action: 'suggestion.select',
        subjectType: 'suggestion',
        subjectId: existing!.id,
        after: { sourceId, start: span.start, end: span.end, quote: row.quote },
      });
    }
    return { suggestionId: existing!.id, state: existing!.state };
  });
}

