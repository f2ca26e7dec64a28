// The registry of supported languages. A new language is a new lexicon file added here.
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { Lexicon } from './types.ts';

const lexicons: Record<string, Lexicon> = { en, fr };

export function supportedLanguages(): string[] {
  return Object.keys(lexicons);
}

export function hasLexicon(code: string): boolean {
  return Object.hasOwn(lexicons, code);
}

/** The lexicon for a language code, or English when the language is not supported. */
export function getLexicon(code: string | null | undefined): Lexicon {
  return (code && lexicons[code]) || en;
}

export function allLexicons(): Lexicon[] {
  return Object.values(lexicons);
}

export type { Lexicon } from './types.ts';
