import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEvent, diffWords, humanize } from '../../../server/domain/history.ts';
import { passwordProblem, hashPassword, verifyPassword } from '../../../server/domain/passwords.ts';
import { parseEvidenceUrls } from '../../../server/domain/reviews.ts';
import { throttlePolicy, waitFor } from '../../../server/domain/throttle.ts';

describe('evidence links', () => {
  it('keeps web addresses, one per line, and names everything else', () => {
    const { urls, bad } = parseEvidenceUrls(' https://example.org/a \n\nhttp://example.org/b\njavascript:alert(1)\nftp://x.org\nnot a url\nhttps://example.org/a');
    assert.deepEqual(urls, ['https://example.org/a', 'http://example.org/b']);
    assert.deepEqual(bad, ['javascript:alert(1)', 'ftp://x.org', 'not a url']);
  });
});

describe('history', () => {
  it('diffs a claim’s wording word by word', () => {
    assert.deepEqual(diffWords('Lavrov met Trump on Monday', 'Lavrov met Trump on Tuesday'), [
      { op: 'same', text: 'Lavrov met Trump on ' },
      { op: 'del', text: 'Monday' },
      { op: 'ins', text: 'Tuesday' },
    ]);
    assert.deepEqual(diffWords('same', 'same'), [{ op: 'same', text: 'same' }]);
  });

  it('tells an event of another area in plain words, with its fields', () => {
    assert.equal(humanize('claim_link.created'), 'Claim link created');
    assert.equal(humanize('toClaimId'), 'To claim id');
    const described = describeEvent({ action: 'mention.moved', before: { start: 4 }, after: { start: 9, version: 3 } }, new Map());
    assert.deepEqual(described.title, { text: 'Mention moved' });
    assert.deepEqual(described.changes, [
      { field: 'start', label: { text: 'Start' }, before: { kind: 'text', text: '4' }, after: { kind: 'text', text: '9' } },
    ]);
  });

  it('shows statuses with their labels', () => {
    const statuses = new Map([['false', { key: 'false', label: 'False', labelFr: 'Faux' }]]);
    const { title, changes } = describeEvent({ action: 'claim.status_changed', before: { status: 'unreviewed' }, after: { status: 'false' } }, statuses);
    assert.deepEqual(title, { key: 'history.action.claim.status_changed' });
    assert.deepEqual(changes[0]!.after, { kind: 'status', key: 'false', label: 'False', labelFr: 'Faux' });
    assert.deepEqual(changes[0]!.before, { kind: 'status', key: 'unreviewed', label: 'unreviewed', labelFr: null });
  });
});

describe('sign-in throttling', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  const counts = (over: Partial<Parameters<typeof waitFor>[0]>) => ({
    now,
    pair: 0,
    pairLast: null,
    account: 0,
    accountOldest: null,
    address: 0,
    addressOldest: null,
    ...over,
  });

  it('lets the first failures go, then doubles the wait up to a ceiling', () => {
    assert.equal(waitFor(counts({ pair: 4, pairLast: ago(0) }), false), 0);
    assert.equal(waitFor(counts({ pair: 5, pairLast: ago(0) }), false), 30);
    assert.equal(waitFor(counts({ pair: 6, pairLast: ago(10) }), false), 50);
    assert.equal(waitFor(counts({ pair: 30, pairLast: ago(0) }), false), throttlePolicy.pairMaxDelayMs / 1000);
    assert.equal(waitFor(counts({ pair: 5, pairLast: ago(31) }), false), 0);
  });

  it('exempts a known browser from the account-wide ceiling only', () => {
    const spread = counts({ account: 30, accountOldest: ago(60) });
    assert.equal(waitFor(spread, false), 15 * 60 - 60);
    assert.equal(waitFor(spread, true), 0);
    assert.equal(waitFor(counts({ pair: 5, pairLast: ago(0), account: 30, accountOldest: ago(60) }), true), 30);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const [a, b] = [await hashPassword('correct horse battery staple'), await hashPassword('correct horse battery staple')];
    assert.match(a, /^scrypt\$32768\$8\$1\$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('correct horse battery staple', a), true);
    assert.equal(await verifyPassword('correct horse battery stapler', a), false);
    assert.equal(await verifyPassword('anything', null), false);
  });

  it('refuses short, one-character and name-like passwords', () => {
    assert.equal(passwordProblem('short'), 'auth.passwordTooShort');
    assert.equal(passwordProblem('aaaaaaaaaaaaaa'), 'auth.passwordTooSimple');
    assert.equal(passwordProblem('Ada@Example.org', { email: 'ada@example.org' }), 'auth.passwordIsName');
    assert.equal(passwordProblem('a long enough passphrase'), null);
  });
});
