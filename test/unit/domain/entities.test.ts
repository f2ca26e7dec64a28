import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAliasesOfEntity } from '../../../db/queries/entities.ts';
import { resolveEntities, spellingKeys } from '../../../server/domain/entities.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

const person = (name: string) => ({ key: `person:${name.toLowerCase()}`, name, kind: 'person' });

describe('entities across spellings', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.cleanup());

  const resolve = async (name: string) => (await resolveEntities(database.db, [person(name)], { create: true })).get(0)!;

  it('finds a name first seen in French when an English article spells it the English way', async () => {
    const french = await resolve('Sergueï Lavrov');
    assert.equal(await resolve('Sergey Lavrov'), french);
    assert.equal(await resolve('Sergei Lavrov'), french);
    assert.equal(await resolve('Sergueï Lavrov'), french);
  });

  it('keeps apart names that differ by more than spelling habits', async () => {
    assert.notEqual(await resolve('Jean Marchand'), await resolve('Jeanne Marchand'));
    assert.notEqual(await resolve('Anna Petrova'), await resolve('Anna Petrov'));
  });

  it('does not fold one-word names, and shows readers no spelling keys', async () => {
    assert.deepEqual(spellingKeys('Li'), []);
    const id = await resolve('Dmitri Peskov');
    const aliases = (await listAliasesOfEntity(database.db, id)).map((a) => a.alias);
    assert.deepEqual(aliases, ['Dmitri Peskov']);
  });
});
