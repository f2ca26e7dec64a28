import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../../../server/analysis/index.ts';

const seedFr = readFileSync(new URL('../../fixtures/seeds/000_ff719ec247732616.txt', import.meta.url), 'utf8');

test('claims quote the text exactly at their offsets, and never come from clutter', () => {
  const a = analyzeArticle(seedFr, { published: '2019-12-11' });
  assert.equal(a.language, 'fr');
  for (const c of a.claims) {
    assert.equal(seedFr.slice(c.start, c.end), c.quote);
    assert.ok(!a.clutter.some((k) => k.start < c.end && c.start < k.end), c.quote);
  }
});

test('the public shape: speaker entity, dates, chain, subjects, fingerprint', () => {
  const a = analyzeArticle('The White House said on Tuesday that the president had warned Moscow against interference.', { language: 'en', published: '2019-12-11' });
  const c = a.claims[0]!;
  assert.deepEqual(c.speaker && { name: c.speaker.name, key: c.speaker.key, kind: c.speaker.kind }, { name: 'White House', key: 'org:white-house', kind: 'organisation' });
  assert.equal(c.claimedOn, '2019-12-10');
  assert.equal(c.statementOn, '2019-12-10');
  assert.equal(c.chain.claimant?.key, 'org:white-house');
  assert.ok(c.subjects.some((s) => s.key === 'country:RU'));
  assert.match(c.fingerprint, /^[0-9a-f]{16}$/);
  assert.ok(c.checkworthiness >= 0 && c.checkworthiness <= 1);
  assert.match(c.text, /^White House says: /);
});

test('the fingerprint survives a shift of offsets', () => {
  const text = 'The White House said on Tuesday that the president had warned Moscow against interference.';
  const a = analyzeArticle(text, { language: 'en', published: '2019-12-11' }).claims[0]!;
  const b = analyzeArticle(`Breaking news.\n\n${text}`, { language: 'en', published: '2019-12-11' }).claims.find((c) => c.quote.includes('warned'))!;
  assert.notEqual(a.start, b.start);
  assert.equal(a.fingerprint, b.fingerprint);
});

test('no clock: the same input gives the same output', () => {
  const x = JSON.stringify(analyzeArticle(seedFr, { published: '2019-12-11' }));
  const y = JSON.stringify(analyzeArticle(seedFr, { published: '2019-12-11' }));
  assert.equal(x, y);
});
