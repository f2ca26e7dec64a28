import type { Server } from 'node:http';
import { openDatabase } from '../db/client.ts';
import { DataDirInUse } from '../db/lock.ts';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedIfNew } from './domain/setup.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  logger.info(
    { driver: database.driver, dataDir: config.databaseUrl ? undefined : config.dataDir },
    database.driver === 'pg' ? 'using PostgreSQL' : 'using the embedded database',
  );
  await database.migrate();
  if (database.driver === 'pglite' && config.seedOnEmpty && (await seedIfNew(database.db))) {
    logger.info('loaded the demo story into the new database');
  }

  const app = createApp({ database, config, logger });
  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    logger.info(`Claimline is ready on http://${host}:${port}`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.fatal(
      error.code === 'EADDRINUSE' ? `Port ${config.port} is already in use: set PORT to another port.` : error.message,
    );
    void database.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Give requests in flight a moment, then close idle keep-alive sockets and the database.
    const force = setTimeout(() => server.closeAllConnections(), 5000);
    server.close(() => {
      clearTimeout(force);
      void database.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUse) {
    console.error(error.message);
  } else {
    console.error('Claimline could not start:', error);
  }
  process.exit(1);
});
