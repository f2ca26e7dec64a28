// Throughput of the analysis on one core: analyses a few MB of article text (the seed and
// development articles, shuffled and repeated, each analysed as its own article, language
// detected) and prints MB/s. Target: ≥ 1 MB/s.
// usage: npm run bench:analysis [-- --mb 4]
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../../server/analysis/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dirs = [join(root, 'seeds'), join(root, 'test/fixtures/dev'), join(root, 'test/fixtures/holdout')];
const texts = dirs.flatMap((d) => {
  try {
    return readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8'));
  } catch {
    return [];
  }
});
const mbArg = process.argv.indexOf('--mb');
const targetBytes = (mbArg > 0 ? Number(process.argv[mbArg + 1]) : 4) * 1024 * 1024;

// A deterministic shuffle, so runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const corpus: string[] = [];
let bytes = 0;
while (bytes < targetBytes) {
  const t = texts[Math.floor(rand() * texts.length)]!;
  corpus.push(t);
  bytes += Buffer.byteLength(t, 'utf8');
}

for (const t of texts) analyzeArticle(t, { published: '2024-01-10' }); // warm-up: lexicon indexes, JIT
const load = loadavg()[0]!;
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
let claims = 0;
for (const t of corpus) claims += analyzeArticle(t, { published: '2024-01-10' }).claims.length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const mb = bytes / (1024 * 1024);
console.log(`analysed ${corpus.length} articles, ${mb.toFixed(2)} MB, ${claims} claims in ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s of CPU)`);
console.log(`throughput: ${(mb / seconds).toFixed(2)} MB/s wall clock, ${(mb / cpuSeconds).toFixed(2)} MB/s per CPU second, on one core (target ≥ 1 MB/s)`);
console.log(`per article: ${((seconds * 1000) / corpus.length).toFixed(2)} ms; machine load average at start: ${load.toFixed(1)} (figures are only comparable on an idle machine)`);
