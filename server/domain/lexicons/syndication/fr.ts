import type { CreditLexicon } from './types.ts';

export const fr: CreditLexicon = {
  language: 'fr',
  credits: [
    // Datelines et éditeurs : « Washington (AFP) - », « L'Orient-Le Jour (AFP) ».
    '\\(\\s*(?:avec\\s+)?{agency}\\s*\\)',
    '^\\s*(?:[-–—]\\s*)?(?:par\\s+)?{agency}(?:\\s*/\\s*{agency})*\\s*$',
    '^\\s*(?:par\\s+)?{agency}\\s*[-–—:]',
    '[-–—]\\s*{agency}\\s*$',
    '\\bavec\\s+(?:l[\'’]\\s*)?{agency}\\b',
    '\\bsource\\s*:\\s*{agency}\\b',
    '\\bselon\\s+une\\s+dépêche\\s+(?:de\\s+l[\'’]\\s*|d[\'’]\\s*)?{agency}\\b',
    '\\bdépêche\\s+{agency}\\b',
    '(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s+)?{agency}\\b',
  ],
  pictureCredits: ['\\b(?:photo|photos|image|illustration|crédit)s?\\b', '\\bgetty\\s+images\\b', '/\\s*{agency}\\s*$'],
};
