import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { openDatabase } from '../../db/client.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export type TestApp = { url: string; app: Express; database: TestDatabase; close(): Promise<void> };

/** The real application on a random port, against a fresh database (with the demo by default). */
export async function startApp({ seed = true, env = {} }: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ seed });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = createApp({ database, config, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.cleanup();
    },
  };
}

/**
 * Another app instance on an existing database: a restart, or a second instance behind a
 * load balancer. On PostgreSQL it opens its own connection pool to the same database.
 */
export async function startAppOn(database: TestDatabase, env: Record<string, string> = {}): Promise<{ url: string; close(): Promise<void> }> {
  const own = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 3 }) : undefined;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = createApp({ database: own ?? database, config, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await own?.close();
    },
  };
}

/** GET a page; returns status, headers and body text. */
export async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
