import type { NextFunction, Request, Response } from 'express';
import {
  formatDate,
  formatDateParts,
  formatDateTime,
  isLocale,
  locales,
  negotiateLocale,
  translator,
  type Locale,
  type Translator,
} from '../i18n/index.ts';
import { localiseReason, type CandidateReason } from '../domain/matching.ts';
import type { Message } from '../domain/timeline.ts';

const ONE_YEAR = 365 * 24 * 3600 * 1000;

/**
 * Picks the interface language: ?lang= (remembered in a cookie), then the cookie, then
 * Accept-Language. Puts the translator and date formatters where every view can reach them.
 */
export function locale(req: Request, res: Response, next: NextFunction): void {
  let lang: Locale;
  const asked = req.query.lang;
  if (isLocale(asked)) {
    lang = asked;
    res.cookie('lang', lang, { maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true, secure: req.secure });
  } else if (isLocale(req.cookies?.lang)) {
    lang = req.cookies.lang;
  } else {
    lang = negotiateLocale(req.get('Accept-Language'));
    res.vary('Accept-Language');
  }
  res.locals.lang = lang;
  res.locals.t = translator(lang);
  res.locals.date = (iso: string | Date | null, precision?: 'day' | 'month' | 'year' | null) =>
    formatDate(iso, lang, precision ?? 'day');
  res.locals.dateTime = (at: Date | string | null) => formatDateTime(at, lang);
  res.locals.dateParts = (iso: string | null, precision?: 'day' | 'month' | 'year' | null) =>
    formatDateParts(iso, lang, precision ?? 'day');
  // The language switch keeps the rest of the address (a search, an "as of" date).
  const langHrefs = Object.fromEntries(locales.map((l) => [l, withParam(req.originalUrl, 'lang', l)]));
  res.locals.langHref = (l: Locale) => langHrefs[l];
  res.locals.statusLabel = (row: { statusLabel: string; statusLabelFr?: string | null }) =>
    (lang === 'fr' && row.statusLabelFr) || row.statusLabel;
  res.locals.matchReason = (reason: CandidateReason) =>
    (res.locals.t as Translator)(reason.key, localiseReason(reason, lang, (iso) => formatDate(iso, lang, 'day')));
  const t = res.locals.t as Translator;
  const msg = (m: Message): string =>
    t(
      m.key,
      Object.fromEntries(
        Object.entries(m.params).map(([name, p]) => [
          name,
          typeof p === 'string' ? p : 'key' in p ? msg(p) : (lang === 'fr' && p.labelFr) || p.label,
        ]),
      ),
    );
  res.locals.msg = msg;
  // Only web addresses become links: a stored "javascript:" URL is shown as text.
  res.locals.safeHref = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);
  const languages = new Intl.DisplayNames([lang], { type: 'language' });
  res.locals.languageName = (code: string) => {
    try {
      return languages.of(code) ?? code;
    } catch {
      return code;
    }
  };
  res.locals.path = req.path;
  next();
}

/** The path and query of `url` with one parameter set (relative, so it stays on this site). */
export function withParam(url: string, name: string, value: string | null): string {
  const parsed = new URL(url, 'http://x');
  if (value === null) parsed.searchParams.delete(name);
  else parsed.searchParams.set(name, value);
  return parsed.pathname + parsed.search;
}
