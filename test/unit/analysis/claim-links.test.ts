import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linkClaims, type ClaimFeatures, type ClaimReport } from '../../../server/analysis/index.ts';

const features = (f: Partial<ClaimFeatures>): ClaimFeatures => ({
  v: 1, language: 'en', claimant: null, subjects: [], predicate: 'say', stance: 'assert', polarity: 'positive',
  dates: ['2021-03-02'], numbers: [], concepts: [], context: [], terms: [], anaphoric: false, ...f,
});

// The ministry says the governor cut the budget; one outlet names the governor, the other
// writes "he". The governor denies talking about the budget at all.
const statementNaming: ClaimReport<string> = {
  id: 'r1', claimId: 'statement', source: 'a', order: 0, sentence: 0,
  features: features({ claimant: 'org:ministry', subjects: ['person:governor'], predicate: 'decrease', concepts: ['decrease', 'budget'] }),
};
const statementNotNaming: ClaimReport<string> = {
  id: 'r2', claimId: 'statement', source: 'b', order: 0, sentence: 0,
  features: features({ claimant: 'org:ministry', subjects: [], predicate: 'decrease', concepts: ['decrease', 'budget'] }),
};
const denial: ClaimReport<string> = {
  id: 'r3', claimId: 'denial', source: 'b', order: 5, sentence: 6,
  features: features({ claimant: 'person:governor', stance: 'deny', polarity: 'negative', predicate: 'discuss', concepts: ['discuss', 'budget'] }),
};

describe('links between claims from their reports', () => {
  it('reads each report with the people every report of its claim names', () => {
    // Alone, the report that does not name the governor is not about him: no contradiction.
    assert.deepEqual(linkClaims([statementNotNaming, denial]), []);
    const links = linkClaims([statementNaming, statementNotNaming, denial]);
    assert.equal(links.length, 1, 'one link per pair of claims');
    assert.deepEqual([links[0]!.from, links[0]!.to, links[0]!.kind], ['denial', 'statement', 'contradicts']);
  });

  it('keeps to the claim in focus, and never links a claim to itself', () => {
    assert.deepEqual(linkClaims([statementNaming, statementNotNaming, denial], 'other'), []);
    assert.equal(linkClaims([statementNaming, statementNotNaming, denial], 'denial').length, 1);
    assert.deepEqual(linkClaims([statementNaming, { ...denial, claimId: 'statement' }]), []);
  });
});
