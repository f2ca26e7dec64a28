import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { Express, Request, Response } from 'express';

export const viewsDir = fileURLToPath(new URL('../../views', import.meta.url));

/**
 * Eta 3+ ships no Express engine: this registers one small render function over one Eta
 * instance, so routes call `res.render('pages/claim', model)` and res.locals reach layouts.
 */
export function useEta(app: Express, { cache }: { cache: boolean }): Eta {
  const eta = new Eta({ views: viewsDir, cache, autoEscape: true, autoTrim: [false, 'nl'] });
  app.engine('eta', (filePath: string, options: object, callback: (e: unknown, html?: string) => void) => {
    try {
      const name = '/' + relative(viewsDir, filePath).replace(/\\/g, '/').replace(/\.eta$/, '');
      callback(null, eta.render(name, options as Record<string, unknown>));
    } catch (error) {
      callback(error);
    }
  });
  app.set('view engine', 'eta');
  app.set('views', viewsDir);
  if (cache) app.enable('view cache');
  return eta;
}

/** True when htmx asked for a fragment; a history restore needs the full page. */
export function wantsFragment(req: Request): boolean {
  return req.get('HX-Request') === 'true' && req.get('HX-History-Restore-Request') !== 'true';
}

/** The view to render: the partial for htmx, the full page otherwise. Sets Vary either way. */
export function htmxOr(req: Request, res: Response, partial: string, page: string): string {
  res.vary('HX-Request');
  return wantsFragment(req) ? partial : page;
}
