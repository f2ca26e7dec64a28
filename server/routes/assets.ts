import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { listStatuses } from '../../db/queries/statuses.ts';
import { viewsDir } from '../http/render.ts';

const require = createRequire(import.meta.url);
const htmxFile = require.resolve('htmx.org/dist/htmx.min.js');
const htmxVersion: string = JSON.parse(readFileSync(join(dirname(htmxFile), '..', 'package.json'), 'utf8')).version;
const staticDir = join(viewsDir, 'static');

/** Cache-busting suffixes for the layout: a changed file gets a new URL. */
export const assetVersions = {
  htmx: htmxVersion,
  css: createHash('sha256').update(readFileSync(join(staticDir, 'app.css'))).digest('hex').slice(0, 10),
  readersJs: createHash('sha256').update(readFileSync(join(staticDir, 'readers.js'))).digest('hex').slice(0, 10),
  selection: createHash('sha256').update(readFileSync(join(staticDir, 'selection.js'))).digest('hex').slice(0, 10),
};

export function assetsRouter({ immutable }: { immutable: boolean }): Router {
  const router = Router();
  const maxAge = immutable ? '365d' : 0;
  // htmx is served from the installed package (pinned to 2.x), never copied by hand.
  router.get('/static/htmx.min.js', (_req, res) => {
    res.sendFile(htmxFile, { maxAge, immutable });
  });
  router.use('/static', express.static(staticDir, { maxAge, immutable, index: false }));

  // Status colours live in the database (admins configure them) and reach the page as one
  // small stylesheet, so no inline style is needed under the Content-Security-Policy.
  router.get('/statuses.css', async (req, res) => {
    const rules = (await listStatuses(req.db))
      .filter((s) => /^[a-z0-9_-]+$/.test(s.key) && /^#[0-9a-f]{3,8}$/i.test(s.color))
      .map((s) => `.status-${s.key}{--status-color:${s.color}}`)
      .join('\n');
    res.type('text/css').set('Cache-Control', 'no-cache').send(rules + '\n');
  });
  return router;
}
