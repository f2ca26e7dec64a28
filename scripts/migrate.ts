// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded
// database in DATA_DIR (refused while a server holds it).
import { openDatabase } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';
import { runCli } from './cli.ts';

await runCli(async () => {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    console.log(`Migrations applied (${database.driver === 'pg' ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}).`);
  } finally {
    await database.close();
  }
});
