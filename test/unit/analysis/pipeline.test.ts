import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../../../server/analysis/index.ts';
import { claims, claimWith } from './helpers.ts';

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

test('a paragraph that is all quotation goes on with the speaker who closed the paragraph before', () => {
  const en = claims('Mayor Ida Brun said the tunnel would reopen in June.\n\n"We have replaced every pump."\n\nTraffic was light on Monday.\n\n"Nobody knows why."', 'en', '2024-05-16');
  assert.equal(claimWith(en, 'every pump').speaker?.name, 'Ida Brun');
  // After a paragraph of the outlet's own words, an unattributed quotation stays unattributed.
  assert.equal(claimWith(en, 'Nobody knows').speaker, null);
  const fr = claims('La maire Ida Brun a assuré que le tunnel rouvrirait en juin.\n\n« Nous avons remplacé chaque pompe. »', 'fr', '2024-05-16');
  assert.equal(claimWith(fr, 'chaque pompe').speaker?.name, 'Ida Brun');
});
