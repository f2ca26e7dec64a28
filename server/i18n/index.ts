import { areas } from './messages/index.ts';

export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

type Areas = typeof areas;
export type MessageKey = { [A in keyof Areas]: keyof Areas[A]['en'] }[keyof Areas] & string;

const catalogs: Record<Locale, Record<string, string>> = { en: {}, fr: {} };
for (const area of Object.values(areas)) {
  Object.assign(catalogs.en, area.en);
  Object.assign(catalogs.fr, area.fr);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The best supported locale for an Accept-Language header (q-values honoured). */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale) ?? 'en';
}

// Templates build some keys at run time ('stance.' + m.stance), so any string is accepted;
// an unknown key shows as itself, which the i18n test catches for the known ones.
export type Translator = (key: MessageKey | (string & {}), params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translator {
  const catalog = catalogs[locale];
  return (key, params) => {
    const text = catalog[key] ?? catalogs.en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

/**
 * A date as readers of `locale` write it. `iso` is YYYY-MM-DD (or a Date); precision
 * says how much of it is known, so "May 2017" is never shown as "1 May 2017".
 */
export function formatDate(
  iso: string | Date | null | undefined,
  locale: Locale,
  precision: 'day' | 'month' | 'year' | null = 'day',
): string | null {
  if (!iso) return null;
  const date = typeof iso === 'string' ? new Date(`${iso.slice(0, 10)}T12:00:00Z`) : iso;
  if (Number.isNaN(date.getTime())) return null;
  const options: Intl.DateTimeFormatOptions =
    precision === 'year'
      ? { year: 'numeric', timeZone: 'UTC' }
      : precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', options).format(date);
}

export function formatDateTime(at: Date | string | null | undefined, locale: Locale): string | null {
  if (!at) return null;
  const date = typeof at === 'string' ? new Date(at) : at;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * A date as two short lines for a chart axis: ["Tue 10 Dec", "2019"], ["May", "2017"],
 * ["2016", ""]. Never more precise than what is known.
 */
export function formatDateParts(
  iso: string | null | undefined,
  locale: Locale,
  precision: 'day' | 'month' | 'year' | null = 'day',
): [string, string] {
  if (!iso) return ['', ''];
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return ['', ''];
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const year = String(date.getUTCFullYear());
  if (precision === 'year') return [year, ''];
  if (precision === 'month') return [new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' }).format(date), year];
  return [new Intl.DateTimeFormat(tag, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date), year];
}
