import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '../../../db/client.ts';
import { statuses } from '../../../db/schema/index.ts';
import { createTestDatabase } from '../../support/db.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');

describe('migrations', () => {
  it('match the schema: drizzle-kit generate has nothing new to write', async () => {
    const out = mkdtempSync(join(tmpdir(), 'claimline-drift-'));
    cpSync(migrationsFolder, join(out, 'migrations'), { recursive: true });
    const config = join(out, 'drizzle.config.ts');
    writeFileSync(
      config,
      `export default { dialect: 'postgresql', schema: ${JSON.stringify(join(root, 'db/schema/index.ts'))}, out: ${JSON.stringify(join(out, 'migrations'))}, casing: 'snake_case' };\n`,
    );
    const before = readdirSync(join(out, 'migrations')).length;
    await run(join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], { cwd: root });
    const added = readdirSync(join(out, 'migrations')).length - before;
    assert.equal(added, 0, 'db/schema changed without a migration: run `npm run db:generate`');
  });

  it('apply on a new database, load the default statuses, and a second run changes nothing', async () => {
    const database = await createTestDatabase();
    try {
      await database.migrate();
      const rows = await database.db.select({ key: statuses.key }).from(statuses);
      assert.deepEqual(
        rows.map((r) => r.key).sort(),
        ['false', 'in_review', 'misleading', 'mostly_true', 'true', 'unproven', 'unreviewed'],
      );
      const ext = await database.db.execute(sql`select extname from pg_extension order by extname`);
      const names = (ext as unknown as { rows: { extname: string }[] }).rows.map((r) => r.extname);
      assert.ok(names.includes('pg_trgm') && names.includes('unaccent'), names.join(', '));
    } finally {
      await database.cleanup();
    }
  });
});
