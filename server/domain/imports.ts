// Importing an article: the text becomes a source (its body stored once, never changed), the
// analysis' claims become suggestions for an editor. One transaction per import.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findArticleByUrl, findSourceByHash, findSourceForUpdate, insertSourceWithBody, setSourceAnalysis, updateSourceMetadata } from '../../db/queries/sources.ts';
import {
  deleteStalePendingSuggestions,
  insertSuggestions,
  refreshPendingSuggestion,
  type NewSuggestion,
} from '../../db/queries/suggestions.ts';
import type { DatePrecision } from '../../db/schema/index.ts';
import { analyzeArticle, supportedLanguages, type AnalysedClaim, type ArticleAnalysis } from '../analysis/index.ts';
import { NotFound } from '../errors.ts';
import { fallbackTitle, prepareArticle, shorten, type ImportInput, type ImportLimits } from '../import/index.ts';
import { ImportProblem } from '../import/problems.ts';
import { hashBody } from './seed.ts';
import { reviseSourceBody } from './source-versions.ts';

export type SourceMetadata = {
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedOn: string | null;
  language: string | null;
};

export type ImportResult = { sourceId: number; existing: boolean; suggestions: number; revised?: boolean };

/** A partial date ("2019", "2019-12", "2019-12-10") as stored: its first day and its precision. */
export function storedDate(value: string | null | undefined): { on: string | null; precision: DatePrecision | null } {
  if (!value) return { on: null, precision: null };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { on: value, precision: 'day' };
  if (/^\d{4}-\d{2}$/.test(value)) return { on: `${value}-01`, precision: 'month' };
  if (/^\d{4}$/.test(value)) return { on: `${value}-01-01`, precision: 'year' };
  return { on: null, precision: null };
}

/** A real calendar day in YYYY-MM-DD, or a problem naming the field. */
export function checkDay(value: string | null, field: 'publishedOn' = 'publishedOn'): string | null {
  if (!value) return null;
  const d = new Date(`${value}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new ImportProblem('import.error.date', `"${value}" is not a date (YYYY-MM-DD).`, { value }, field);
  }
  return value;
}

function checkLanguage(value: string | null): string | null {
  if (!value) return null;
  if (!supportedLanguages().includes(value)) {
    throw new ImportProblem('import.error.language', `Claimline analyses ${supportedLanguages().join(', ')}; "${value}" is not one of them.`, { value }, 'language');
  }
  return value;
}

/** The analysis' claims as suggestion rows for one source version. */
export function suggestionRows(sourceId: number, version: number, analysis: ArticleAnalysis): NewSuggestion[] {
  return analysis.claims.map((c) => suggestionRow(sourceId, version, c, c.fingerprint));
}

export function suggestionRow(sourceId: number, version: number, c: AnalysedClaim, fingerprint: string): NewSuggestion {
  const claimed = storedDate(c.claimedOn);
  return {
    sourceId,
    sourceVersion: version,
    fingerprint,
    start: c.start,
    end: c.end,
    quote: c.quote,
    text: c.text,
    speakerName: c.speaker?.name ?? null,
    stance: c.stance,
    claimedOn: claimed.on,
    claimedOnPrecision: claimed.precision,
    checkworthiness: c.checkworthiness,
    analysis: {
      speaker: c.speaker,
      subjects: c.subjects,
      eventOn: c.eventOn,
      statementOn: c.statementOn,
      negated: c.negated,
      chain: c.chain,
      via: c.via,
      features: c.features,
    },
  };
}

/**
 * Imports an article. The same text (same hash) already stored is found, not duplicated: the
 * result says so and names it. Bad input throws an ImportProblem and stores nothing.
 */
export async function importArticle(
  db: Db,
  userId: number | null,
  input: ImportInput,
  given: SourceMetadata,
  limits: ImportLimits,
): Promise<ImportResult> {
  const publishedOnGiven = checkDay(given.publishedOn);
  const languageGiven = checkLanguage(given.language);
  const prepared = await prepareArticle(input, limits);
  const bodyHash = hashBody(prepared.body);
  const known = await findSourceByHash(db, bodyHash);
  if (known) return { sourceId: known.id, existing: true, suggestions: 0 };
  // The same address with other text: the outlet corrected its article. A new version of the
  // known source, its mentions re-anchored, rather than a second source.
  const fetchedUrl = input.kind === 'url' ? prepared.meta.url : null;
  const earlier = fetchedUrl ? await findArticleByUrl(db, fetchedUrl) : undefined;
  if (earlier) {
    return db.transaction(async (tx) => {
      const counts = await reviseSourceBody(tx, userId ? { id: userId } : null, earlier.id, prepared.body, { fetchedFrom: fetchedUrl });
      return { sourceId: earlier.id, existing: true, suggestions: 0, revised: counts.changed };
    });
  }

  const language = languageGiven ?? prepared.language;
  const publishedOn = publishedOnGiven ?? prepared.meta.publishedOn;
  const publisher = given.publisher ?? prepared.meta.publisher;
  const analysis = analyzeArticle(prepared.body, { published: publishedOn, language, outlet: publisher });
  const title = shorten(given.title ?? prepared.meta.title ?? fallbackTitle(prepared.body, analysis.language), 300);

  return db.transaction(async (tx) => {
    const source = await insertSourceWithBody(tx, {
      kind: 'article',
      title,
      url: given.url ?? prepared.meta.url,
      publisher,
      author: given.author ?? prepared.meta.author,
      language: analysis.language,
      publishedOn,
      body: prepared.body,
      bodyHash,
      clutter: analysis.clutter,
      createdById: userId,
    });
    // Someone imported the same text a moment ago: theirs is the source.
    if (!source) {
      const existing = await findSourceByHash(tx, bodyHash);
      return { sourceId: existing!.id, existing: true, suggestions: 0 };
    }
    const count = await insertSuggestions(tx, suggestionRows(source.id, source.version, analysis));
    await recordAudit(tx, {
      userId,
      action: 'source.import',
      subjectType: 'source',
      subjectId: source.id,
      after: { title, method: prepared.method, url: source.url, language: analysis.language, bodyHash, suggestions: count },
    });
    return { sourceId: source.id, existing: false, suggestions: count };
  });
}

/**
 * Runs the analysis again on a source's stored body. New findings are added, pending ones
 * refreshed; accepted and dismissed suggestions are kept as they are, so a dismissed one never
 * comes back.
 */
export async function reanalyseSource(db: Db, userId: number | null, sourceId: number) {
  return db.transaction(async (tx) => {
    const source = await findSourceForUpdate(tx, sourceId);
    if (!source?.body) throw new NotFound(`There is no article ${sourceId}.`);
    const analysis = analyzeArticle(source.body, { published: source.publishedOn, language: source.language, outlet: source.publisher });
    const rows = suggestionRows(source.id, source.version, analysis);
    const removed = await deleteStalePendingSuggestions(tx, source.id, rows.map((r) => r.fingerprint));
    for (const row of rows) await refreshPendingSuggestion(tx, source.id, row);
    const added = await insertSuggestions(tx, rows);
    await setSourceAnalysis(tx, source.id, { clutter: analysis.clutter, language: analysis.language });
    await recordAudit(tx, {
      userId,
      action: 'source.reanalyse',
      subjectType: 'source',
      subjectId: source.id,
      after: { found: rows.length, added, removed },
    });
    return { found: rows.length, added, removed };
  });
}

/** An editor corrects an article's metadata; its body never changes here. */
export async function editSourceMetadata(db: Db, userId: number | null, sourceId: number, meta: SourceMetadata & { title: string }) {
  const publishedOn = checkDay(meta.publishedOn);
  const language = checkLanguage(meta.language);
  if (!meta.title.trim()) throw new ImportProblem('import.error.title', 'An article needs a title.', {}, 'title');
  return db.transaction(async (tx) => {
    const before = await findSourceForUpdate(tx, sourceId);
    if (!before) throw new NotFound(`There is no source ${sourceId}.`);
    const patch = {
      title: shorten(meta.title, 300),
      publisher: meta.publisher,
      author: meta.author,
      url: meta.url,
      publishedOn,
      language: language ?? before.language,
    };
    await updateSourceMetadata(tx, sourceId, patch);
    await recordAudit(tx, {
      userId,
      action: 'source.edit',
      subjectType: 'source',
      subjectId: sourceId,
      before: pickMeta(before),
      after: patch,
    });
  });
}

function pickMeta(s: Awaited<ReturnType<typeof findSourceForUpdate>> & object) {
  return { title: s.title, publisher: s.publisher, author: s.author, url: s.url, publishedOn: s.publishedOn, language: s.language };
}
