// usage: npm run eval [-- --seeds | --dev | --holdout | --blind]
// Runs the analysis on the seed manifest (../shared/eval, falling back to the copy in
// test/fixtures/eval), on the development set (test/fixtures/dev: articles written for this
// project on other events, used while developing), on the held-out set (test/fixtures/holdout:
// written after development, scored once untouched, then used for general fixes) and on the
// blind set (test/fixtures/blind: written last, never used for a change), scores each with
// score.mjs and prints the figures against the targets. Default: all four.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeManifest, type ManifestEntry } from './lib/analyze-manifest.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared/eval');
const fixtures = resolve(root, 'test/fixtures');
const pick = (a: string, b: string) => (existsSync(a) ? a : b);

const targets: [keyof Scores, string, number, 'min'][] = [
  ['recallCheckworthy', 'recall of check-worthy claims', 0.95, 'min'],
  ['speakerAccuracy', 'speaker accuracy', 0.9, 'min'],
  ['stanceAccuracy', 'stance accuracy', 0.85, 'min'],
  ['dateAccuracy', 'date accuracy', 0.85, 'min'],
  ['checkworthyAUC', 'check-worthiness AUC', 0.8, 'min'],
  ['sameRecall', 'same-claim pair recall', 0.8, 'min'],
  ['samePrecision', 'same-claim pair precision', 0.8, 'min'],
  ['contradictSetRecall', 'contradiction sets found', 0.8, 'min'],
  ['contradictPrecision', 'contradiction link precision', 0.7, 'min'],
];
type Scores = Record<string, number | null>;

function run(name: string, manifestPath: string, goldPath: string, scorer: string): void {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { id: string; file: string; published: string | null; language: string | null }[];
  const entries: ManifestEntry[] = manifest.map((m) => ({
    id: m.id, published: m.published ?? null, language: m.language ?? null,
    text: readFileSync(resolve(dirname(manifestPath), m.file), 'utf8'),
  }));
  const out = join(mkdtempSync(join(tmpdir(), 'claimline-eval-')), `${name}.json`);
  writeFileSync(out, JSON.stringify(analyzeManifest(entries)));
  const scores = JSON.parse(execFileSync(process.execPath, [scorer, out, '--gold', goldPath], { encoding: 'utf8' })) as Scores;
  console.log(`\n== ${name}: ${manifestPath}`);
  console.log(`   claims: gold ${scores.goldClaims}, system ${scores.systemClaims}; recall (all) ${scores.recallAll}; precision proxy ${scores.precisionProxy}; same-claim gold pairs ${scores.sameGoldPairs}; contradiction links scored ${scores.contradictLinks}`);
  for (const [key, label, target] of targets) {
    const v = scores[key];
    const mark = v === null || v === undefined ? 'n/a   ' : v >= target ? 'met   ' : 'MISSED';
    console.log(`   ${mark} ${label.padEnd(30)} ${String(v ?? '-').padStart(6)}  (target ≥ ${target})`);
  }
  console.log(`   output: ${out}`);
}

const args = process.argv.slice(2);
const only = ['--seeds', '--dev', '--holdout', '--blind'].filter((a) => args.includes(a));
const wants = (a: string) => !only.length || only.includes(a);
const scorer = pick(join(shared, 'score.mjs'), join(fixtures, 'eval/score.mjs'));
if (wants('--seeds')) {
  const manifest = pick(join(shared, 'seed-manifest.json'), join(fixtures, 'eval/seed-manifest.json'));
  const gold = existsSync(join(shared, 'seed-manifest.json')) ? join(shared, 'seed-gold.json') : join(fixtures, 'eval/seed-gold.json');
  run('seeds', manifest, gold, scorer);
}
if (wants('--dev')) run('dev (own articles, used while developing)', join(fixtures, 'dev/dev-manifest.json'), join(fixtures, 'dev/dev-gold.json'), scorer);
if (wants('--holdout')) run('holdout (own articles; scored once untouched, then used for fixes)', join(fixtures, 'holdout/holdout-manifest.json'), join(fixtures, 'holdout/holdout-gold.json'), scorer);
if (wants('--blind')) run('blind (own articles, never used for a change)', join(fixtures, 'blind/blind-manifest.json'), join(fixtures, 'blind/blind-gold.json'), scorer);
