import type { NextFunction, Request, Response } from 'express';
import { HttpError, Invalid, NotFound } from '../errors.ts';
import { wantsFragment } from './render.ts';

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new NotFound());
}

/**
 * The one place errors become responses: a full error page, or a fragment for htmx.
 * Stack traces go to the log, never to the reader.
 */
export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = statusOf(error);
  if (status >= 500) req.log.error({ err: error }, 'request failed');
  else req.log.info({ status, message: (error as Error)?.message }, 'request refused');
  if (res.headersSent) {
    res.end();
    return;
  }
  const t = res.locals.t as ((key: string) => string) | undefined;
  const title =
    status === 404 ? t?.('error.notFound') : status === 403 ? t?.('error.forbidden') : status >= 500 ? t?.('error.server') : undefined;
  const message =
    status === 404
      ? t?.('error.notFoundText')
      : status >= 500
        ? t?.('error.serverText')
        : error instanceof Error
          ? error.message
          : 'Request refused';
  // Domain errors may carry message keys ('auth.emailTaken'): translated here; plain text passes through.
  const say = (text: string) => t?.(text) ?? text;
  const fields = error instanceof Invalid ? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, say(v)])) : {};
  const model = {
    status,
    title: title ?? (status >= 500 ? 'Something went wrong' : 'Request refused'),
    message: say(message ?? ''),
    fields,
  };
  res.status(status);
  res.vary('HX-Request');
  // The JSON API answers in JSON whatever the client accepts; pages answer JSON only to JSON clients.
  if (req.path.startsWith('/api/') || (req.accepts(['html', 'json']) === 'json' && !req.accepts('html'))) {
    res.json({ error: model.message, status, fields: model.fields });
    return;
  }
  res.render(wantsFragment(req) ? 'partials/error-message' : 'pages/error', model);
}

function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  // body-parser and friends set status/statusCode on client errors (bad JSON, too large).
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
