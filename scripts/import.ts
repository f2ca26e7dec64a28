// npm run import -- FILE-OR-URL [--title T] [--publisher P] [--author A] [--published YYYY-MM-DD] [--language en|fr] [--url ORIGINAL]
// Imports an article as the web form does (same checks, same deduplication) and prints the
// source it became with its number of suggestions. Uses DATABASE_URL, or the embedded database
// in DATA_DIR while no server holds it.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';
import { importArticle } from '../server/domain/imports.ts';
import { ImportProblem } from '../server/import/index.ts';
import { runCli } from './cli.ts';

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      publisher: { type: 'string' },
      author: { type: 'string' },
      published: { type: 'string' },
      language: { type: 'string' },
      url: { type: 'string' },
    },
  });
  const target = positionals[0];
  if (!target) throw new ImportProblem('import.error.noInput', 'usage: npm run import -- FILE-OR-URL [--title T] [--published YYYY-MM-DD] [--language en|fr]');
  const config = loadConfig();
  const isUrl = /^https?:\/\//i.test(target);
  const input = isUrl ? ({ kind: 'url', url: target } as const) : ({ kind: 'file', name: basename(target), bytes: await readFile(target) } as const);
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    const result = await importArticle(
      database.db,
      null,
      input,
      {
        title: values.title ?? null,
        publisher: values.publisher ?? null,
        author: values.author ?? null,
        url: isUrl ? null : (values.url ?? null),
        publishedOn: values.published ?? null,
        language: values.language ?? null,
      },
      { allowPrivate: config.allowPrivateFetch, timeoutMs: config.importTimeoutMs, maxBytes: config.importMaxBytes, maxChars: Math.floor(config.importMaxBytes / 2) },
    );
    console.log(
      result.existing
        ? `Already imported: source ${result.sourceId} (nothing stored twice).`
        : `Imported as source ${result.sourceId} with ${result.suggestions} suggested claims.`,
    );
  } catch (error) {
    if (error instanceof ImportProblem) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
});
