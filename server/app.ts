import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Database } from '../db/client.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { csrfProtection, sessions } from './http/auth.ts';
import { errorHandler, notFound } from './http/errors.ts';
import { locale } from './http/locale.ts';
import { useEta } from './http/render.ts';
import { site } from './http/site.ts';
import './http/types.ts';
import { assetsRouter, assetVersions } from './routes/assets.ts';
import { correctionsRouter } from './routes/corrections.ts';
import { accountRouter } from './routes/account.ts';
import { adminRouter } from './routes/admin.ts';
import { authRouter } from './routes/auth.ts';
import { apiRouter } from './routes/api.ts';
import { deskRouter } from './routes/desk.ts';
import { mergesRouter } from './routes/merges.ts';
import { feedsRouter } from './routes/feeds.ts';
import { linksRouter } from './routes/links.ts';
import { pagesRouter } from './routes/pages.ts';
import { searchRouter } from './routes/search.ts';
import { sourcesRouter } from './routes/sources.ts';

export type AppDeps = { database: Database; config: Config; logger: Logger };

/** Builds the application from its parts. It never listens: main.ts and the tests do. */
export function createApp({ database, config, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  useEta(app, { cache: config.env === 'production' });

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: config.env === 'production' ? [] : null,
        },
      },
      // Same-origin pages only; the JSON API sets its own CORS when it needs to.
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/static/') },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      // One short line per request: headers (cookies above all) stay out of the logs.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url.replace(/([?&]_csrf=)[^&]*/g, '$1…'),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use((req, res, next) => {
    req.db = database.db;
    res.locals.assets = assetVersions;
    next();
  });
  app.use(assetsRouter({ immutable: config.env === 'production' }));
  app.use(cookieParser());
  // Before the body parsers, so even a malformed request gets its error page in the reader's language.
  app.use(locale);
  app.use(site(config));
  app.use(express.urlencoded({ extended: false, limit: '2mb' }));
  app.use(express.json({ limit: '2mb' }));
  // Who is asking, then whether a state-changing request really comes from our own pages.
  app.use(sessions(config.session));
  app.use(csrfProtection());

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, driver: database.driver });
  });
  app.use(authRouter(config));
  // Before the reader's pages: an editor's GET /sources/:id is the working view of the article.
  app.use(sourcesRouter(config));
  app.use(correctionsRouter());
  app.use(pagesRouter);
  app.use(searchRouter);
  app.use(apiRouter);
  app.use(feedsRouter);
  app.use(deskRouter);
  app.use(linksRouter);
  app.use(mergesRouter);
  app.use(accountRouter(config));
  app.use(adminRouter);

  app.use(notFound);
  app.use(errorHandler);
  return app;
}
