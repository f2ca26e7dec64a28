// Small helpers for the analysis tests: analyse a text and look claims up by their quote.
import { analyzeArticle, type AnalysedClaim } from '../../../server/analysis/index.ts';

export function claims(text: string, language: string, published = '2019-12-11'): AnalysedClaim[] {
  return analyzeArticle(text, { language, published }).claims;
}

/** The claim whose quoted span contains `fragment`, preferring the shortest. */
export function claimWith(list: AnalysedClaim[], fragment: string): AnalysedClaim {
  const found = list.filter((c) => c.quote.includes(fragment)).sort((a, b) => a.quote.length - b.quote.length)[0];
  if (!found) throw new Error(`no claim contains "${fragment}" among:\n${list.map((c) => `  ${c.quote}`).join('\n')}`);
  return found;
}
