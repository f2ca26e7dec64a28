import type { CreditLexicon } from './types.ts';

export const en: CreditLexicon = {
  language: 'en',
  credits: [
    // Datelines and publisher fields: "WASHINGTON (AFP) —", "The Guardian (Reuters)".
    '\\(\\s*{agency}\\s*\\)',
    // Sign-offs and bylines on a line of their own: "— AFP", "By AFP", "AFP/XINHUA".
    '^\\s*(?:[-–—]\\s*)?(?:by\\s+)?{agency}(?:\\s*/\\s*{agency})*\\s*$',
    '^\\s*(?:by\\s+)?{agency}\\s*[-–—:]',
    '[-–—]\\s*{agency}\\s*$',
    '\\bwith\\s+(?:additional\\s+reporting\\s+(?:from|by)\\s+)?{agency}\\b',
    '\\b(?:additional\\s+)?reporting\\s+(?:from|by)\\s+{agency}\\b',
    '\\b{agency}\\s+contributed\\s+to\\s+this\\s+(?:report|story)\\b',
    '\\bsource\\s*:\\s*{agency}\\b',
    '(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s+)?{agency}\\b',
  ],
  pictureCredits: ['\\b(?:photo|picture|image|pictures|photograph)s?\\b', '\\bgetty\\s+images\\b', '/\\s*{agency}\\s*$'],
};
