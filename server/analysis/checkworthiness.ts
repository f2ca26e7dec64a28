// Check-worthiness in [0, 1], in the spirit of ClaimBuster: a verifiable statement names someone,
// says who said it, carries numbers or dates, and does not hedge or give an opinion. A linear
// score through a logistic; weights set by hand on general grounds (see the unit tests), not fitted.
import type { Stance } from './lexicons/types.ts';

export interface CheckworthinessFeatures {
  attributed: boolean;
  stance: Stance;
  entities: number;
  numbers: number;
  dates: number;
  quoted: boolean;
  hedges: number;
  opinions: number;
  /** Promises and plans: what will be done cannot be checked yet. */
  pledges: number;
  words: number;
  caption: boolean;
  question: boolean;
}

export function checkworthiness(f: CheckworthinessFeatures): number {
  let z = -0.9;
  if (f.attributed) z += 0.7;
  if (f.stance === 'deny' || f.stance === 'confirm') z += 0.7;
  else if (f.stance === 'accuse') z += 0.2;
  else if (f.stance === 'warn') z += 0.3;
  z += 0.35 * Math.min(f.entities, 3);
  if (f.numbers > 0) z += 0.7;
  if (f.dates > 0) z += 0.3;
  if (f.quoted) z += 0.1;
  z -= 0.45 * Math.min(f.hedges, 2);
  z -= 0.55 * Math.min(f.opinions, 3);
  z -= 0.5 * Math.min(f.pledges, 2);
  // Figures are content too: "Turnout was 61%, down from 68%" is short but dense.
  if (f.words + f.numbers < 6) z -= 0.6;
  if (f.caption) z -= 1.8;
  if (f.question) z -= 0.8;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}
