// npm run db:seed — loads the demo story (the two seed articles, their claims, links and
// reviews). Idempotent: a second run finds the story and writes nothing.
import { openDatabase } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';
import { seedDemo } from '../server/domain/seed.ts';
import { runCli } from './cli.ts';

await runCli(async () => {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    const result = await seedDemo(database.db);
    console.log(result.created ? `Demo loaded: ${result.claims} claims.` : 'Demo already loaded: nothing to do.');
  } finally {
    await database.close();
  }
});
