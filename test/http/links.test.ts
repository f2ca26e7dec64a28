import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { insertLink } from '../../db/queries/links.ts';
import { auditEvents, claimLinks } from '../../db/schema/index.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser } from '../support/auth.ts';
import { claimIdByText, createClaim, DEMO } from '../support/claims.ts';
import { textOf } from '../support/html.ts';

describe('claim links and the claim graph', () => {
  let app: TestApp;
  let editor: Client;
  let reader: Client;

  before(async () => {
    app = await startApp();
    const emma = await createUser(app.database.db, { name: 'Emma Links' });
    editor = new Client(app.url);
    await editor.login(emma.email, emma.password);
    reader = new Client(app.url);
  });
  after(() => app.close());

  const linkRow = async (id: number) => (await app.database.db.select().from(claimLinks).where(eq(claimLinks.id, id)))[0]!;
  const linksBetween = (from: number, to: number) =>
    app.database.db.select().from(claimLinks).where(and(eq(claimLinks.fromClaimId, from), eq(claimLinks.toClaimId, to)));
  const graphNodes = async (client: Client, id: number) =>
    [...(await client.get(`/claims/${id}`)).doc.querySelectorAll('#claim-graph .graph-wide a.node-link')].map((a) => a.getAttribute('href'));

  it('draws the seed claim with its counter-claim and confirmation, and a text alternative', async () => {
    const warning = await claimIdByText(app.database.db, DEMO.whWarning);
    const page = await reader.get(`/claims/${warning}`);
    assert.equal(page.status, 200);
    const svg = page.doc.querySelector('#claim-graph .graph-wide svg')!;
    assert.ok(svg, 'an SVG graph');
    assert.equal(svg.getAttribute('role'), 'img');
    const counter = [...page.doc.querySelectorAll('#counter-claims .claim-card .statement a')].map((a) => a.getAttribute('href'));
    const confirm = [...page.doc.querySelectorAll('#confirmations .claim-card .statement a')].map((a) => a.getAttribute('href'));
    assert.ok(counter.length >= 1 && confirm.length >= 1, 'the seed has both');
    const nodes = await graphNodes(reader, warning);
    for (const href of [...counter, ...confirm]) assert.ok(nodes.includes(href), `${href} is drawn`);
    const desc = textOf(page.doc.querySelector('#graph-desc'));
    assert.match(desc, /Contradicts this: Sergey Lavrov/);
    assert.match(desc, /Confirms this: /);
    assert.match(textOf(page.doc.querySelector('#graph-title')), new RegExp(`and ${nodes.length} related claims`));
    assert.equal(page.doc.querySelector('#link-desk'), null, 'readers get no links panel');
  });

  it('lets an editor add a link by picking a claim from words, then shows it to readers', async () => {
    const subject = await createClaim(app.database.db, { text: 'The harbour bridge will close for repairs in March' });
    const answer = await createClaim(app.database.db, { text: 'The city says the harbour bridge stays open all spring' });
    const panel = await editor.get(`/claims/${subject.id}`);
    assert.ok(panel.doc.querySelector('#link-desk form[action$="/links"]'), 'editors get the add form');

    const byWords = await editor.post(`/claims/${subject.id}/links`, { relation: 'in:contradicts', other: 'harbour bridge open spring' });
    assert.equal(byWords.status, 422, 'words alone need a pick');
    assert.match(textOf(byWords.doc.querySelector('#link-desk')), /Pick the claim you mean/);
    const picks = [...byWords.doc.querySelectorAll('#link-picks input[name=otherClaimId]')].map((i) => Number(i.getAttribute('value')));
    assert.ok(picks.includes(answer.id), 'the matching claim is offered');
    assert.ok(!picks.includes(subject.id), 'never the claim itself');
    assert.equal((await linksBetween(answer.id, subject.id)).length, 0, 'nothing saved yet');

    const live = await editor.get(`/claims/${subject.id}/links/picks?other=${encodeURIComponent('#' + answer.id)}`, { htmx: true });
    assert.match(textOf(live.doc.querySelector('#link-picks')), /harbour bridge stays open/);

    const added = await editor.post(`/claims/${subject.id}/links`, { relation: 'in:contradicts', other: 'harbour bridge', otherClaimId: answer.id, note: 'City statement' });
    assert.equal(added.status, 303);
    assert.equal(added.location, `/claims/${subject.id}#links`);
    const [row] = await linksBetween(answer.id, subject.id);
    assert.equal(row?.kind, 'contradicts');
    assert.equal(row?.origin, 'editor');
    assert.ok(row?.acceptedAt);

    assert.deepEqual(await graphNodes(reader, subject.id), [`/claims/${answer.id}`]);
    const seen = await reader.get(`/claims/${subject.id}`);
    assert.match(textOf(seen.doc.querySelector('#counter-claims')), /harbour bridge stays open/);
    const audit = await app.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'link.create'), eq(auditEvents.subjectId, row!.id)));
    assert.equal(audit.length, 1, 'the history records it');

    const again = await editor.post(`/claims/${subject.id}/links`, { relation: 'in:contradicts', other: String(answer.id) }, { htmx: true });
    assert.equal(again.status, 422);
    assert.match(textOf(again.doc.querySelector('#link-desk')), /already linked that way/);
    const self = await editor.post(`/claims/${subject.id}/links`, { relation: 'in:contradicts', other: `#${subject.id}` }, { htmx: true });
    assert.equal(self.status, 422);
    assert.match(textOf(self.doc.querySelector('#link-desk')), /cannot be linked to itself/);
  });

  it('changes, retracts with a reason, and restores a link; a stale form is a conflict', async () => {
    const a = await createClaim(app.database.db, { text: 'Unemployment fell to 7 percent in May' });
    const b = await createClaim(app.database.db, { text: 'The statistics office confirms unemployment of 7 percent' });
    const link = await insertLink(app.database.db, { fromClaimId: b.id, toClaimId: a.id, kind: 'supports', origin: 'editor', note: null, createdById: null });

    const changed = await editor.post(`/claims/${a.id}/links/${link.id}/change`, { version: link.version, kind: 'confirms' }, { htmx: true });
    assert.equal(changed.status, 200, textOf(changed.doc.querySelector('#link-desk [role=alert]')));
    assert.match(textOf(changed.doc.querySelector('#link-desk [role=status]')), /Link changed/);
    assert.ok(changed.doc.querySelector('#claim-graph[hx-swap-oob]'), 'the graph comes along, out of band');
    assert.match(textOf(changed.doc.querySelector('#confirmations[hx-swap-oob]')), /statistics office/);
    const afterChange = await linkRow(link.id);
    assert.equal(afterChange.kind, 'confirms');

    const stale = await editor.post(`/claims/${a.id}/links/${link.id}/retract`, { version: link.version, reason: 'Wrong pairing' }, { htmx: true });
    assert.equal(stale.status, 409);
    assert.match(textOf(stale.doc.querySelector('#link-desk [role=alert]')), /Someone changed this link/);
    assert.equal((await linkRow(link.id)).deprecatedAt, null, 'a stale form changes nothing');

    const noReason = await editor.post(`/claims/${a.id}/links/${link.id}/retract`, { version: afterChange.version, reason: ' ' });
    assert.equal(noReason.status, 422);
    assert.match(textOf(noReason.doc.querySelector('#link-desk [role=alert]')), /Say why the link is retracted/);
    assert.equal((await linkRow(link.id)).deprecatedAt, null);

    const retracted = await editor.post(`/claims/${a.id}/links/${link.id}/retract`, { version: afterChange.version, reason: 'Different figures' });
    assert.equal(retracted.status, 303);
    const kept = await linkRow(link.id);
    assert.ok(kept.deprecatedAt, 'kept, ranked deprecated');
    assert.equal(kept.deprecatedReason, 'Different figures');
    assert.deepEqual(await graphNodes(reader, a.id), [], 'readers no longer see it');
    assert.match(textOf((await editor.get(`/claims/${a.id}`)).doc.querySelector('#link-desk .link-retracted')), /Different figures/);

    const restored = await editor.post(`/claims/${a.id}/links/${link.id}/restore`, { version: kept.version });
    assert.equal(restored.status, 303);
    assert.equal((await linkRow(link.id)).deprecatedAt, null);
    assert.deepEqual(await graphNodes(reader, a.id), [`/claims/${b.id}`]);

    const reversed = await editor.post(`/claims/${a.id}/links/${link.id}/change`, { version: (await linkRow(link.id)).version, kind: 'confirms', reverse: '1' });
    assert.equal(reversed.status, 303);
    const flipped = await linkRow(link.id);
    assert.deepEqual([flipped.fromClaimId, flipped.toClaimId], [a.id, b.id]);
  });

  it('accepts a link the analysis proposed; readers see proposals only once accepted', async () => {
    const a = await createClaim(app.database.db, { text: 'The minister said the plant will stay open' });
    const b = await createClaim(app.database.db, { text: 'The company denied the plant will stay open' });
    const proposal = await insertLink(app.database.db, { fromClaimId: b.id, toClaimId: a.id, kind: 'contradicts', origin: 'suggested', note: 'a denial by the party concerned', createdById: null });
    assert.deepEqual(await graphNodes(reader, a.id), [], 'a proposal is not shown to readers');
    const panel = await editor.get(`/claims/${a.id}`);
    assert.match(textOf(panel.doc.querySelector('#link-desk')), /Suggested links to check \(1\)/);
    assert.match(textOf(panel.doc.querySelector(`#link-${proposal.id}`)), /a denial by the party concerned/);

    const accepted = await editor.post(`/claims/${a.id}/links/${proposal.id}/accept`, { version: proposal.version }, { htmx: true });
    assert.equal(accepted.status, 200);
    assert.match(textOf(accepted.doc.querySelector('#counter-claims')), /company denied/);
    assert.ok((await linkRow(proposal.id)).acceptedAt);
    assert.deepEqual(await graphNodes(reader, a.id), [`/claims/${b.id}`]);
  });

  it('refuses readers, forged forms and links of another claim', async () => {
    const a = await createClaim(app.database.db);
    const b = await createClaim(app.database.db);
    const c = await createClaim(app.database.db);
    const link = await insertLink(app.database.db, { fromClaimId: b.id, toClaimId: a.id, kind: 'supports', origin: 'editor', note: null, createdById: null });
    const anonymous = await reader.post(`/claims/${a.id}/links`, { relation: 'in:contradicts', other: String(b.id) });
    assert.ok([401, 403].includes(anonymous.status) || (anonymous.status === 303 && /login/.test(anonymous.location ?? '')), `reader refused (${anonymous.status})`);
    const forged = await editor.post(`/claims/${a.id}/links/${link.id}/retract`, { version: link.version, reason: 'forged' }, { csrf: false });
    assert.equal(forged.status, 403);
    const elsewhere = await editor.post(`/claims/${c.id}/links/${link.id}/retract`, { version: link.version, reason: 'not this claim' });
    assert.equal(elsewhere.status, 404);
    const badRelation = await editor.post(`/claims/${a.id}/links`, { relation: 'in:likes', other: String(c.id) });
    assert.equal(badRelation.status, 422);
    assert.match(textOf(badRelation.doc.querySelector('#link-desk')), /Choose how the claims are related/);
    assert.equal((await linkRow(link.id)).deprecatedAt, null);
  });
});
