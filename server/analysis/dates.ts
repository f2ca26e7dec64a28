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

/** Dates mentioned in text[start, end). `published` (YYYY-MM-DD) anchors relative words; without it they are skipped. */
export function findDates(text: string, span: Span, lex: Lexicon, published: string | null): DateMention[] {
  const body = text.slice(span.start, span.end);
  let triggers = triggersCache.get(lex);
  if (!triggers) triggersCache.set(lex, (triggers = wordSet(lex.dateWords)));
  // The parser is the costly part of the pipeline: only call it where a date can be.
  if (!/\d/.test(body) && !body.toLowerCase().split(/[^\p{L}'’.]+/u).some((w) => triggers!.has(w) || triggers!.has(w.replace(/\.$/, '')))) return [];
  const ref = published ? parseIso(published) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateMention[] = [];
  for (const r of parser(lex.chronoLocale).parse(body, { instant: ref, timezone: 0 } as unknown as Date)) {
    const c = r.start;
    const known = (k: chrono.Component) => c.isCertain(k);
    const start = span.start + r.index;
    const end = start + r.text.length;
    let value: string | null = null;
    let precision: DateMention['precision'] = 'day';
    let relative = false;
    if (known('day') && known('month') && known('year')) {
      value = iso(c.get('year')!, c.get('month')!, c.get('day')!);
      relative = !/\d{4}/.test(r.text);
      if (relative && !published) value = null;
    } else if (known('day') && known('month')) {
      if (!published) continue;
      const pub = parseIso(published);
      let y = pub.getUTCFullYear();
      if (iso(y, c.get('month')!, c.get('day')!) > published) y -= 1;
      value = iso(y, c.get('month')!, c.get('day')!);
    } else if (known('weekday') && !known('day')) {
      if (!published) continue;
      value = latestWeekday(c.get('weekday')!, published);
      relative = true;
    } else if (known('month') && known('year')) {
      value = `${c.get('year')}-${pad(c.get('month')!)}`;
      precision = 'month';
    } else {
      continue;
    }
    if (value) out.push({ start, end, value, precision, relative });
  }
  return out;
}
