// Language of an article. franc misreads short phrases, so it only chooses among the
// languages we have lexicons for, and reads a bounded sample (the start of an article is
// representative, and the cost stays flat for long texts).
import { franc } from 'franc';
import { allLexicons } from './lexicons/index.ts';

const SAMPLE = 6000;

export function detectLanguage(text: string): string {
  const lexicons = allLexicons();
  const fallback = lexicons[0]!.code;
  // Prefer long lines: page furniture ("Search", "Share") says little about the language.
  const body = text.split(/\r?\n/).filter((l) => l.trim().split(/\s+/).length >= 6).join('\n');
  const sample = (body.length >= 40 ? body : text).slice(0, SAMPLE);
  const iso = franc(sample, { only: lexicons.map((l) => l.iso6393), minLength: 10 });
  return lexicons.find((l) => l.iso6393 === iso)?.code ?? fallback;
}
