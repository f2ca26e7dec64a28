import type { NextFunction, Request, Response } from 'express';
import { formatDate, formatDateTime, isLocale, negotiateLocale, translator, type Locale } from '../i18n/index.ts';

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
  res.locals.statusLabel = (row: { statusLabel: string; statusLabelFr?: string | null }) =>
    (lang === 'fr' && row.statusLabelFr) || row.statusLabel;
  // Only web addresses become links: a stored "javascript:" URL is shown as text.
  res.locals.safeHref = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);
  res.locals.path = req.path;
  next();
}
