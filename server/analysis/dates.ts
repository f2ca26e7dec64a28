// Dates in a sentence, resolved against the publication date. chrono-node finds them; we decide
// what they mean in a news report: a bare weekday is the latest such day on or before
// publication (chrono would pick the nearest, possibly in the future), a day and month without a
// year is the latest such date not after publication, and "in May 2017" stays "2017-05".
import * as chrono from 'chrono-node';
import type { Lexicon } from './lexicons/types.ts';
import { wordSet, type Span } from './text.ts';

export interface DateMention extends Span {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  precision: 'day' | 'month' | 'year';
  /** Resolved from a word relative to publication ("Tuesday", "hier"). */
  relative: boolean;
  /** After publication ("will publish on Thursday"): not a day the story has reached. */
  future?: boolean;
}

// One shape for every date mention (see attribution()).
function dateMention(start: number, end: number, value: string, precision: DateMention['precision'], relative: boolean, future: boolean | undefined): DateMention {
  return { start, end, value, precision, relative, future };
}

/** The earliest given weekday (0 = Sunday) after the reference day. */
export function nextWeekday(weekday: number, reference: string): string {
  const d = new Date(`${reference}T12:00:00Z`);
  const ahead = ((weekday - d.getUTCDay() + 7) % 7) || 7;
  d.setUTCDate(d.getUTCDate() + ahead);
  return d.toISOString().slice(0, 10);
}

const parsers: Record<string, chrono.Chrono> = {};
function parser(locale: Lexicon['chronoLocale']): chrono.Chrono {
  const p = parsers[locale];
  if (p) return p;
  const mod = (chrono as unknown as Record<string, { casual?: chrono.Chrono } | undefined>)[locale];
  return (parsers[locale] = mod?.casual ?? chrono.casual);
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function parseIso(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

/** The latest given weekday (0 = Sunday) on or before the reference day. */
export function latestWeekday(weekday: number, reference: string): string {
  const d = parseIso(reference);
  const back = (d.getUTCDay() - weekday + 7) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = parseIso(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const triggersCache = new WeakMap<Lexicon, Set<string>>();
const anyTrigger = new WeakMap<Lexicon, RegExp>();
const prepositionCache = new WeakMap<Lexicon, Set<string>>();
const futureCache = new WeakMap<Lexicon, RegExp>();
function futureMarkers(lex: Lexicon): RegExp {
  let r = futureCache.get(lex);
  if (!r) {
    const words = lex.pledgeWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const suffixes = lex.pledgeSuffixes.map((s) => `\\p{L}+${s}`).join('|');
    futureCache.set(lex, (r = new RegExp(`(?<![\\p{L}])(?:${words}${suffixes ? `|${suffixes}` : ''})(?![\\p{L}])`, 'iu')));
  }
  return r;
}
function prepositionsBefore(lex: Lexicon): Set<string> {
  let s = prepositionCache.get(lex);
  if (!s) prepositionCache.set(lex, (s = wordSet(lex.prepositions)));
  return s;
}

// Relative days of several words ("this morning", "ce soir", "the day before yesterday"), by
// their last word: the scanner meets that word and looks back for the rest.
const phrasesCache = new WeakMap<Lexicon, Map<string, [string, number][]>>();
function relativePhrases(lex: Lexicon): Map<string, [string, number][]> {
  let m = phrasesCache.get(lex);
  if (!m) {
    m = new Map();
    for (const [phrase, n] of Object.entries(lex.relativeDays)) {
      if (!phrase.includes(' ')) continue;
      const last = phrase.split(' ').pop()!;
      m.set(last, [...(m.get(last) ?? []), [phrase, n] as [string, number]].sort((a, b) => b[0].length - a[0].length));
    }
    phrasesCache.set(lex, m);
  }
  return m;
}

/** Dates mentioned in text[start, end). `published` (YYYY-MM-DD) anchors relative words; without it they are skipped. */
export function findDates(text: string, span: Span, lex: Lexicon, published: string | null): DateMention[] {
  const phrases = relativePhrases(lex);
  let triggers = triggersCache.get(lex);
  if (!triggers) triggersCache.set(lex, (triggers = wordSet([...lex.dateWords, ...phrases.keys()])));
  let any = anyTrigger.get(lex);
  if (!any) anyTrigger.set(lex, (any = new RegExp(`(?:${[...lex.dateWords, ...phrases.keys()].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})|\\d{1,4}[-/.]\\d{1,2}[-/.]\\d`, 'iu')));
  // Most sentences hold no date at all: one test rejects them.
  if (!any.test(text.slice(span.start, span.end))) return [];
  // The parser is the costly part of the pipeline: it only reads short windows around the words
  // that can start a date (a weekday, a month, "yesterday") and around numeric dates.
  const windows: Span[] = [];
  const add = (s: number, e: number) => {
    const start = Math.max(span.start, s - 24);
    const end = Math.min(span.end, e + 24);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  };
  const word = /[\p{L}][\p{L}'’.-]*/gu;
  word.lastIndex = span.start;
  const slice = text.slice(0, span.end);
  let w: RegExpExecArray | null;
  const simple: DateMention[] = [];
  while ((w = word.exec(slice))) {
    const low = w[0].toLowerCase().replace(/’/g, "'");
    // "Sunday's election": the possessive still names the day.
    const bare = low.replace(/\.$/, '').replace(/'s$/u, '');
    if (!triggers.has(low) && !triggers.has(bare)) continue;
    const endsPhrase = phrases.get(bare);
    if (endsPhrase) {
      const end = w.index + w[0].length;
      const hit = endsPhrase.find(([ph]) => {
        const from = end - ph.length - (low.length - bare.length);
        return from >= span.start && slice.slice(from, from + ph.length).toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ') === ph && !/\p{L}/u.test(slice[from - 1] ?? '');
      });
      if (hit) {
        const from = end - hit[0].length - (low.length - bare.length);
        // "hier soir" replaces the "hier" already read.
        for (let k = simple.length - 1; k >= 0; k--) if (simple[k]!.end > from) simple.splice(k, 1);
        if (published) simple.push(dateMention(from, end, addDays(published, hit[1]), 'day', true, hit[1] > 0));
        continue;
      }
      // A word that only ends such phrases ("morning") dates nothing alone.
      if (!lex.dateWords.includes(bare)) continue;
    }
    // Weekdays and "yesterday" alone need no parser: the common case in news copy.
    const weekday = lex.weekdays.indexOf(bare);
    const rel = lex.relativeDays[bare];
    const next = slice.slice(w.index + w[0].length, w.index + w[0].length + 12);
    const followedByDate = /^\s*,?\s*(?:\d|\p{Lu})/u.test(next);
    if ((weekday >= 0 || rel !== undefined) && !followedByDate) {
      if (published) {
        // A weekday in a clause about the future ("will publish on Thursday") is the next one.
        const clause = slice.slice(Math.max(span.start, w.index - 60), w.index);
        const future = weekday >= 0 && futureMarkers(lex).test(clause.split(/[,;:]/).pop() ?? '');
        const value = weekday >= 0 ? (future ? nextWeekday(weekday, published) : latestWeekday(weekday, published)) : addDays(published, rel!);
        // Keep a preposition just before it in the mention, as the parser would ("on Tuesday").
        const before = /(\S+)\s+$/u.exec(slice.slice(Math.max(span.start, w.index - 12), w.index));
        const start = before && prepositionsBefore(lex).has(before[1]!.toLowerCase()) ? w.index - before[0].length : w.index;
        simple.push(dateMention(start, w.index + w[0].length, value, 'day', true, future || (rel ?? 0) > 0));
      }
      continue;
    }
    add(w.index, w.index + w[0].length);
  }
  const numeric = /\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/g;
  numeric.lastIndex = span.start;
  while ((w = numeric.exec(slice))) add(w.index, w.index + w[0].length);
  if (!windows.length) return simple;
  windows.sort((a, b) => a.start - b.start);
  const ref = published ? parseIso(published) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateMention[] = [...simple];
  for (const win of windows) {
    // Start and end the window on word boundaries so the parser sees whole words.
    let ws = win.start;
    while (ws > span.start && /\S/u.test(text[ws - 1]!)) ws--;
    let we = win.end;
    while (we < span.end && /\S/u.test(text[we]!)) we++;
    for (const m of parseWindow(text, ws, we)) if (!out.some((o) => o.start < m.end && m.start < o.end)) out.push(m);
  }
  return out;

  function parseWindow(t: string, ws: number, we: number): DateMention[] {
    const found: DateMention[] = [];
    for (const r of parser(lex.chronoLocale).parse(t.slice(ws, we), { instant: ref, timezone: 0 } as unknown as Date)) {
      const m = resolve(r, ws);
      if (m) found.push(m);
    }
    return found;
  }

  function resolve(r: chrono.ParsedResult, offset: number): DateMention | null {
    const c = r.start;
    const known = (k: chrono.Component) => c.isCertain(k);
    let start = offset + r.index;
    const end = start + r.text.length;
    // "on May 14", "le 14 mai": the preposition or article before the date belongs to it, as for weekdays.
    const lead = /(\S+)\s+$/u.exec(text.slice(Math.max(span.start, start - 12), start));
    if (lead && (prepositionsBefore(lex).has(lead[1]!.toLowerCase()) || lex.determiners.includes(lead[1]!.toLowerCase()))) start -= lead[0].length;
    let value: string | null = null;
    let precision: DateMention['precision'] = 'day';
    let relative = false;
    if (known('day') && known('month') && known('year')) {
      value = iso(c.get('year')!, c.get('month')!, c.get('day')!);
      relative = !/\d{4}/.test(r.text);
      if (relative && !published) value = null;
    } else if (known('day') && known('month')) {
      if (!published) return null;
      const pub = parseIso(published);
      let y = pub.getUTCFullYear();
      // "will be delivered on 12 December": in a clause about the future, the next such date.
      const clause = text.slice(Math.max(span.start, start - 60), start).split(/[,;:]/).pop() ?? '';
      if (futureMarkers(lex).test(clause)) {
        if (iso(y, c.get('month')!, c.get('day')!) < published) y += 1;
        return dateMention(start, end, iso(y, c.get('month')!, c.get('day')!), 'day', true, true);
      }
      if (iso(y, c.get('month')!, c.get('day')!) > published) y -= 1;
      value = iso(y, c.get('month')!, c.get('day')!);
    } else if (known('weekday') && !known('day')) {
      if (!published) return null;
      value = latestWeekday(c.get('weekday')!, published);
      relative = true;
    } else if (known('month') && known('year')) {
      value = `${c.get('year')}-${pad(c.get('month')!)}`;
      precision = 'month';
    } else {
      return null;
    }
    return value ? dateMention(start, end, value, precision, relative, undefined) : null;
  }
}
