import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents, mentions, sources, sourceVersions, suggestions } from '../../../db/schema/index.ts';
import { Conflict, Invalid } from '../../../server/errors.ts';
import {
  correctSourceText,
  placeMention,
  retireMention,
  reviseSourceBody,
} from '../../../server/domain/source-versions.ts';
import { DEMO, insertEditor, sourceIdByTitle } from '../../support/claims.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

describe('correcting the text of a source', () => {
  let database: TestDatabase;
  let editor: { id: number; name: string };
  let sourceId: number;
  let original: string;
  before(async () => {
    database = await createTestDatabase({ seed: true });
    editor = await insertEditor(database.db);
    sourceId = await sourceIdByTitle(database.db, DEMO.enSource);
    original = (await database.db.select().from(sources).where(eq(sources.id, sourceId)))[0]!.body!;
  });
  after(() => database.cleanup());

  const mentionsOfSource = () => database.db.select().from(mentions).where(eq(mentions.sourceId, sourceId)).orderBy(mentions.id);
  const source = async () => (await database.db.select().from(sources).where(eq(sources.id, sourceId)))[0]!;

  it('stores a new version and finds every quote again: moved, slightly edited, or orphaned when removed', async () => {
    const before = await mentionsOfSource();
    const removed = 'Sergei Lavrov once again rejected accusations “without foundation” or “proofs”.';
    assert.ok(original.includes(removed));
    const pending = await database.db
      .insert(suggestions)
      .values([
        { sourceId, fingerprint: 'kept', start: original.indexOf('The two ministers'), end: original.indexOf('The two ministers') + 17, quote: 'The two ministers', text: 'x' },
        { sourceId, fingerprint: 'gone', start: original.indexOf(removed), end: original.indexOf(removed) + removed.length, quote: removed, text: 'y' },
      ])
      .returning();
    const corrected =
      'Correction, December 12: an earlier version misnamed the Russian embassy.\n\n' +
      original
        .replace(removed, '')
        .replace('“In fact we did not even talk about elections,”', '“In fact, we did not even talk about the elections,”');

    const counts = await database.db.transaction((tx) =>
      reviseSourceBody(tx, editor, sourceId, corrected, { note: 'Outlet correction' }),
    );
    assert.equal(counts.version, 2);
    assert.equal(counts.orphaned, 1);
    assert.equal(counts.fuzzy, 1);
    assert.equal(counts.anchored, before.length - 1);
    assert.equal(counts.suggestionsMoved, 1);
    assert.equal(counts.suggestionsOrphaned, 1);

    const after = await mentionsOfSource();
    assert.equal(after.length, before.length, 'no mention is dropped');
    for (const m of after.filter((m) => m.anchorState === 'anchored')) {
      assert.equal(corrected.slice(m.start, m.end), m.quote, `mention ${m.id} points at its quote`);
      assert.equal(m.sourceVersion, 2);
    }
    const orphan = after.find((m) => m.anchorState === 'orphaned')!;
    assert.equal(orphan.quote, before.find((m) => m.id === orphan.id)!.quote, 'an orphan keeps its quote');
    assert.equal(orphan.sourceVersion, 1, 'and its offsets into the version they point at');
    const edited = after.find((m) => m.quote.includes('In fact, we did not'));
    assert.ok(edited, 'the edited quote follows the new wording');

    const versions = await database.db.select().from(sourceVersions).where(eq(sourceVersions.sourceId, sourceId)).orderBy(sourceVersions.version);
    assert.deepEqual(versions.map((v) => v.version), [1, 2]);
    assert.equal(versions[0]!.body, original, 'the old text is kept');
    assert.equal(versions[1]!.note, 'Outlet correction');
    assert.equal((await source()).body, corrected);

    const [gone] = await database.db.select().from(suggestions).where(eq(suggestions.id, pending[1]!.id));
    assert.equal(gone!.state, 'dismissed');
    const actions = (await database.db.select().from(auditEvents)).map((e) => e.action);
    for (const a of ['source.revise', 'mention.orphan', 'mention.reanchor']) assert.ok(actions.includes(a), a);
  });

  it('lets an editor place an orphan again on words of the new text, or retire it', async () => {
    const orphan = (await mentionsOfSource()).find((m) => m.anchorState === 'orphaned')!;
    await assert.rejects(placeMention(database.db, editor, orphan.id, { quote: 'words that are nowhere' }), Invalid);
    const body = (await source()).body!;
    const words = 'Sergei Lavrov also reaffirmed that this thesis demonstrated “the absurdity” of accusations against Moscow.';
    const placed = await placeMention(database.db, editor, orphan.id, { quote: ` ${words}\n` });
    assert.equal(placed.anchorState, 'anchored');
    assert.equal(body.slice(placed.start, placed.end), words);
    await assert.rejects(retireMention(database.db, editor, orphan.id, { reason: 'No longer in the text' }), Invalid);
  });

  it('recovers an orphan when a later version holds its words again, and retires one on request', async () => {
    const sentence = 'Sergei Lavrov also reaffirmed that this thesis demonstrated “the absurdity” of accusations against Moscow.';
    const first = await source();
    const cut = first.body!.replace(sentence, '');
    // Two mentions stand on that sentence: the one placed above and Lavrov's own claim.
    assert.equal((await correctSourceText(database.db, editor, sourceId, { version: first.version, body: cut, note: null })).orphaned, 2);
    await assert.rejects(correctSourceText(database.db, editor, sourceId, { version: first.version, body: original, note: null }), Conflict);
    const back = await correctSourceText(database.db, editor, sourceId, { version: (await source()).version, body: first.body!, note: 'Sentence restored' });
    assert.equal(back.recovered, 2);
    assert.equal(back.orphaned, 0);

    await correctSourceText(database.db, editor, sourceId, { version: (await source()).version, body: cut, note: null });
    const orphan = (await mentionsOfSource()).find((m) => m.anchorState === 'orphaned')!;
    const retired = await retireMention(database.db, editor, orphan.id, { reason: 'The outlet removed the sentence' });
    assert.equal(retired.anchorState, 'retired');
    const same = await correctSourceText(database.db, editor, sourceId, { version: (await source()).version, body: cut, note: null });
    assert.equal(same.changed, false, 'the same text is not a new version');
  });
});
