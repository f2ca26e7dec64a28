import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray, or } from 'drizzle-orm';
import {
  auditEvents,
  claimLinks,
  claimSubjects,
  claims,
  mentions,
  reviews,
  storyClaims,
} from '../../../db/schema/index.ts';
import { Conflict, Invalid } from '../../../server/errors.ts';
import { mergeClaims, retractClaim, splitMention, undoMerge } from '../../../server/domain/merge.ts';
import { claimIdByText, DEMO, insertEditor, mentionsOf } from '../../support/claims.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

describe('merging and splitting claims', () => {
  let database: TestDatabase;
  let editor: { id: number; name: string };
  before(async () => {
    database = await createTestDatabase({ seed: true });
    editor = await insertEditor(database.db);
  });
  after(() => database.cleanup());

  const claim = async (id: number) => (await database.db.select().from(claims).where(eq(claims.id, id)))[0]!;
  const linksOf = (id: number) =>
    database.db.select().from(claimLinks).where(or(eq(claimLinks.fromClaimId, id), eq(claimLinks.toClaimId, id)));
  const reviewIdsOf = async (id: number) => (await database.db.select({ id: reviews.id }).from(reviews).where(eq(reviews.claimId, id))).map((r) => r.id);
  const subjectsOf = async (id: number) =>
    (await database.db.select({ e: claimSubjects.entityId }).from(claimSubjects).where(eq(claimSubjects.claimId, id))).map((r) => r.e).sort();
  const storiesOf = async (id: number) =>
    (await database.db.select({ s: storyClaims.storyId }).from(storyClaims).where(eq(storyClaims.claimId, id))).map((r) => r.s);

  it('moves every mention, link, review, subject and story membership, keeps the merged claim readable, and a split undoes it', async () => {
    // Lavrov's two denials, merged by mistake.
    const source = await claimIdByText(database.db, DEMO.lavrovNoElections);
    const target = await claimIdByText(database.db, DEMO.lavrovDenies);
    const before = {
      sourceMentions: (await mentionsOf(database.db, source)).map((m) => m.id),
      targetMentions: (await mentionsOf(database.db, target)).map((m) => m.id),
      sourceLinks: (await linksOf(source)).map((l) => ({ id: l.id, from: l.fromClaimId, to: l.toClaimId, kind: l.kind })),
      targetLinks: (await linksOf(target)).map((l) => l.id),
      sourceReviews: await reviewIdsOf(source),
      targetReviews: await reviewIdsOf(target),
      targetSubjects: await subjectsOf(target),
      sourceStories: await storiesOf(source),
      source: await claim(source),
      target: await claim(target),
    };
    assert.ok(before.sourceMentions.length >= 2 && before.sourceLinks.length >= 3);

    const merge = await mergeClaims(database.db, editor, {
      sourceClaimId: source,
      sourceVersion: before.source.version,
      targetClaimId: target,
      targetVersion: before.target.version,
      reason: 'Same denial, reported twice',
    });

    const merged = await claim(source);
    assert.equal(merged.mergedIntoId, target);
    assert.equal(merged.text, DEMO.lavrovNoElections, 'the merged claim stays readable');
    assert.deepEqual((await mentionsOf(database.db, source)).map((m) => m.id), []);
    assert.deepEqual(
      (await mentionsOf(database.db, target)).map((m) => m.id).sort(),
      [...before.sourceMentions, ...before.targetMentions].sort(),
    );
    // Each link moved to the target, or, where the target already had the same link, was
    // kept on the merged claim, retracted with the reason.
    const targetLinks = await linksOf(target);
    const kept = await linksOf(source);
    for (const l of before.sourceLinks) {
      const moved = targetLinks.some((t) => t.id === l.id);
      const retracted = kept.find((k) => k.id === l.id && k.deprecatedReason?.startsWith('merged:'));
      assert.ok(moved || retracted, `link ${l.id} moved or kept as a duplicate`);
    }
    assert.ok(targetLinks.length > before.targetLinks.length);
    assert.deepEqual((await reviewIdsOf(target)).sort(), [...before.sourceReviews, ...before.targetReviews].sort());
    assert.deepEqual(await storiesOf(source), []);
    const targetStories = await storiesOf(target);
    assert.ok(before.sourceStories.every((s) => targetStories.includes(s)));
    assert.equal((await claim(target)).version, before.target.version + 1);
    const history = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'claim.merge'));
    assert.deepEqual(history.map((e) => e.claimId).sort(), [source, target].sort());
    assert.equal((history[0]!.after as { reason: string }).reason, 'Same denial, reported twice');

    // Undo, mention by mention: the first split brings the merged claim back with its links and reviews.
    let version = (await claim(target)).version;
    for (const mentionId of before.sourceMentions) {
      const result = await splitMention(database.db, editor, mentionId, { version });
      assert.equal(result.claimId, source);
      assert.equal(result.revived, true);
      version = (await claim(target)).version;
    }
    const revived = await claim(source);
    assert.equal(revived.mergedIntoId, null);
    assert.deepEqual((await mentionsOf(database.db, source)).map((m) => m.id).sort(), [...before.sourceMentions].sort());
    assert.deepEqual((await mentionsOf(database.db, target)).map((m) => m.id).sort(), [...before.targetMentions].sort());
    const restored = await linksOf(source);
    for (const l of before.sourceLinks) {
      const now = restored.find((r) => r.id === l.id);
      assert.deepEqual(now && { id: now.id, from: now.fromClaimId, to: now.toClaimId, kind: now.kind }, l);
      assert.equal(now!.deprecatedAt, null);
    }
    assert.deepEqual((await reviewIdsOf(source)).sort(), before.sourceReviews.sort());
    assert.deepEqual((await reviewIdsOf(target)).sort(), before.targetReviews.sort());
    assert.deepEqual(await subjectsOf(target), before.targetSubjects);
    assert.deepEqual((await storiesOf(source)).sort(), before.sourceStories.sort());
    const splits = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'mention.split'));
    assert.equal(splits.length, before.sourceMentions.length * 2);
    assert.ok(merge.id > 0);
  });

  it('refuses a stale merge: both claims must be at the versions the editor saw', async () => {
    const a = await claim(await claimIdByText(database.db, DEMO.ovalOffice));
    const b = await claim(await claimIdByText(database.db, DEMO.pompeoConfirms));
    await assert.rejects(
      mergeClaims(database.db, editor, { sourceClaimId: a.id, sourceVersion: a.version, targetClaimId: b.id, targetVersion: b.version - 1 || 99, reason: null }),
      Conflict,
    );
    await assert.rejects(
      mergeClaims(database.db, editor, { sourceClaimId: a.id, sourceVersion: a.version, targetClaimId: a.id, targetVersion: a.version, reason: null }),
      Invalid,
    );
    assert.equal((await claim(a.id)).mergedIntoId, null, 'nothing changed');
  });

  it('undoes a whole merge at once, and splits any other mention into a claim of its own', async () => {
    const source = await claim(await claimIdByText(database.db, DEMO.ovalOffice));
    const target = await claim(await claimIdByText(database.db, DEMO.whWarning));
    const targetMentions = (await mentionsOf(database.db, target.id)).map((m) => m.id);
    const merge = await mergeClaims(database.db, editor, {
      sourceClaimId: source.id,
      sourceVersion: source.version,
      targetClaimId: target.id,
      targetVersion: target.version,
      reason: null,
    });
    const undone = await undoMerge(database.db, editor, merge.id, { version: (await claim(target.id)).version });
    assert.ok(undone.moved >= 2);
    assert.equal((await claim(source.id)).mergedIntoId, null);
    assert.deepEqual((await mentionsOf(database.db, target.id)).map((m) => m.id), targetMentions);

    const [first] = targetMentions;
    const split = await splitMention(database.db, editor, first!, { version: (await claim(target.id)).version });
    assert.equal(split.revived, false);
    const fresh = await claim(split.claimId);
    assert.equal(fresh.text, target.text);
    assert.equal(fresh.status, 'unreviewed');
    assert.deepEqual((await mentionsOf(database.db, split.claimId)).map((m) => m.id), [first]);
    assert.deepEqual(await storiesOf(split.claimId), await storiesOf(target.id));
  });

  it('retracts a claim with a reason instead of deleting it', async () => {
    const c = await claim(await claimIdByText(database.db, DEMO.pompeoConfirms));
    await retractClaim(database.db, editor, c.id, { version: c.version, reason: 'Duplicate of the White House claim' });
    const after = await claim(c.id);
    assert.ok(after.deprecatedAt);
    assert.equal(after.deprecatedReason, 'Duplicate of the White House claim');
    assert.ok((await database.db.select().from(mentions).where(inArray(mentions.claimId, [c.id]))).length > 0);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'claim.retract'), eq(auditEvents.claimId, c.id)));
    assert.equal(event?.userId, editor.id);
  });
});
