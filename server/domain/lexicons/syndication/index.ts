// Wire-copy credits per language. Adding a language is adding a file here, no code change.
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { CreditLexicon } from './types.ts';

export { agencies } from './agencies.ts';
export type { CreditLexicon } from './types.ts';

export const creditLexicons: Record<string, CreditLexicon> = { en, fr };
