import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents, claimLinks } from '../../../db/schema/index.ts';
import { listLinksForClaimPage } from '../../../db/queries/links.ts';
import { Conflict, Invalid } from '../../../server/errors.ts';
import {
  acceptLink,
  createLink,
  deprecateLink,
  proposeLinksForClaim,
  restoreLink,
  reviseLink,
} from '../../../server/domain/links.ts';
import { claimIdByText, DEMO, insertEditor } from '../../support/claims.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

describe('link proposals on the demo story', () => {
  let database: TestDatabase;
  let ids: Record<keyof typeof DEMO, number>;
  before(async () => {
    database = await createTestDatabase({ seed: true });
    // The curated demo comes with its links: start from none, as after an import.
    await database.db.delete(claimLinks);
    ids = {} as typeof ids;
    for (const [key, text] of Object.entries(DEMO)) {
      if (!key.endsWith('Source')) ids[key as keyof typeof DEMO] = await claimIdByText(database.db, text);
    }
  });
  after(() => database.cleanup());

  const propose = (claimId: number) => database.db.transaction((tx) => proposeLinksForClaim(tx, null, claimId));
  const linkBetween = async (from: number, to: number) =>
    (await database.db.select().from(claimLinks).where(and(eq(claimLinks.fromClaimId, from), eq(claimLinks.toClaimId, to))))[0];

  it("proposes Lavrov's denials as contradicting the White House statement and Pompeo's confirmation as confirming it", async () => {
    await propose(ids.lavrovDenies);
    await propose(ids.lavrovNoElections);
    await propose(ids.pompeoConfirms);
    const denial = await linkBetween(ids.lavrovDenies, ids.whWarning);
    assert.equal(denial?.kind, 'contradicts');
    assert.equal(denial?.origin, 'suggested');
    assert.equal(denial?.acceptedAt, null);
    assert.match(denial!.note!, /sergey lavrov denies it/);
    assert.equal((await linkBetween(ids.lavrovNoElections, ids.whWarning))?.kind, 'contradicts');
    assert.equal((await linkBetween(ids.pompeoConfirms, ids.whWarning))?.kind, 'confirms');
    // Pompeo, a third party, does not "confirm" Lavrov's denial.
    assert.equal(await linkBetween(ids.pompeoConfirms, ids.lavrovDenies), undefined);
  });

  it('never duplicates a link and never revives a retracted proposal', async () => {
    const before = await database.db.select().from(claimLinks);
    const again = await propose(ids.lavrovDenies);
    assert.deepEqual(again.created, []);
    const denial = await linkBetween(ids.lavrovDenies, ids.whWarning);
    await deprecateLink(database.db, null, denial!.id, { version: denial!.version, reason: 'Testing a retraction' });
    await propose(ids.whWarning);
    const after = await database.db.select().from(claimLinks);
    const pairs = (rows: typeof after) => rows.map((l) => [l.fromClaimId, l.toClaimId].sort().join('-'));
    assert.equal(new Set(pairs(after)).size, after.length, 'one link per pair of claims');
    assert.ok(after.length >= before.length);
    assert.ok((await linkBetween(ids.lavrovDenies, ids.whWarning))!.deprecatedAt, 'still retracted');
  });

  it('keeps proposals from readers and shows them to editors', async () => {
    const reader = await listLinksForClaimPage(database.db, ids.whWarning);
    const editor = await listLinksForClaimPage(database.db, ids.whWarning, { includeProposals: true });
    assert.equal(reader.length, 0);
    assert.ok(editor.some((l) => l.otherId === ids.pompeoConfirms && l.kind === 'confirms'));
  });
});

describe("editors' link actions", () => {
  let database: TestDatabase;
  let editor: { id: number; name: string };
  let a: number;
  let b: number;
  before(async () => {
    database = await createTestDatabase({ seed: true });
    editor = await insertEditor(database.db);
    a = await claimIdByText(database.db, DEMO.ovalOffice);
    b = await claimIdByText(database.db, DEMO.whWarning);
  });
  after(() => database.cleanup());

  it('creates an accepted link, refuses the same link twice, and records who did it', async () => {
    const link = await createLink(database.db, editor, a, { kind: 'supports', direction: 'out', otherClaimId: b, note: null });
    assert.equal(link.origin, 'editor');
    assert.equal(link.acceptedById, editor.id);
    await assert.rejects(
      createLink(database.db, editor, a, { kind: 'supports', direction: 'out', otherClaimId: b, note: null }),
      Invalid,
    );
    await assert.rejects(createLink(database.db, editor, a, { kind: 'supports', direction: 'out', otherClaimId: a, note: null }), Invalid);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'link.create'), eq(auditEvents.subjectId, link.id)));
    assert.equal(event?.userId, editor.id);
    assert.equal((event?.after as { kind: string }).kind, 'supports');
  });

  it('changes kind and direction, refuses a stale version, retracts with a reason and restores', async () => {
    const [link] = await database.db.select().from(claimLinks).where(and(eq(claimLinks.fromClaimId, a), eq(claimLinks.toClaimId, b)));
    const changed = await reviseLink(database.db, editor, link!.id, { version: link!.version, kind: 'responds_to', reverse: true });
    assert.deepEqual([changed.fromClaimId, changed.toClaimId, changed.kind], [b, a, 'responds_to']);
    await assert.rejects(reviseLink(database.db, editor, link!.id, { version: link!.version, kind: 'confirms', reverse: false }), Conflict);
    const retracted = await deprecateLink(database.db, editor, link!.id, { version: changed.version, reason: 'Not a response' });
    assert.equal(retracted.deprecatedReason, 'Not a response');
    assert.equal(retracted.deprecatedById, editor.id);
    assert.equal((await listLinksForClaimPage(database.db, a)).some((l) => l.id === link!.id), false);
    const restored = await restoreLink(database.db, editor, link!.id, retracted.version);
    assert.equal(restored.deprecatedAt, null);
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, link!.id)))
      .filter((e) => e.subjectType === 'claim_link')
      .map((e) => e.action);
    assert.deepEqual(actions, ['link.create', 'link.change', 'link.deprecate', 'link.restore']);
  });

  it('accepts a proposal so readers see it', async () => {
    const c = await claimIdByText(database.db, DEMO.lavrovDenies);
    const [proposal] = await database.db
      .insert(claimLinks)
      .values({ fromClaimId: c, toClaimId: a, kind: 'contradicts', origin: 'suggested' })
      .returning();
    assert.equal((await listLinksForClaimPage(database.db, a)).some((l) => l.id === proposal!.id), false);
    await acceptLink(database.db, editor, proposal!.id, proposal!.version);
    assert.equal((await listLinksForClaimPage(database.db, a)).some((l) => l.id === proposal!.id), true);
  });
});
