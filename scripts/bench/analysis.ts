// Throughput of the analysis on one core: analyses a few MB of article text (the seed and
// development articles, shuffled and repeated, each analysed as its own article, language
// detected) and prints MB/s. Target: ≥ 1 MB/s.
//
// Two figures: the first pass of a fresh process, while the engine is still compiling the
// pipeline (what a one-off `analyze` run sees), and the steady state of a process that has
// already analysed some text (what the server sees), measured after a warm-up pass. CPU time is
// process.cpuUsage(): every thread of the process (compiler and GC helpers included), so the
// MB per CPU second is what one core would deliver; wall-clock figures depend on the machine's load.
// usage: npm run bench:analysis [-- --mb 4] [--warmup 4]
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
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const targetBytes = arg('--mb', 4) * 1024 * 1024;
const warmupBytes = arg('--warmup', 4) * 1024 * 1024;

// A deterministic shuffle, so runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
function shuffled(size: number): { corpus: string[]; bytes: number } {
  const corpus: string[] = [];
  let bytes = 0;
  while (bytes < size) {
    const t = texts[Math.floor(rand() * texts.length)]!;
    corpus.push(t);
    bytes += Buffer.byteLength(t, 'utf8');
  }
  return { corpus, bytes };
}

function run(label: string, { corpus, bytes }: { corpus: string[]; bytes: number }): void {
  const load = loadavg()[0]!;
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let claims = 0;
  for (const t of corpus) claims += analyzeArticle(t, { published: '2024-01-10' }).claims.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const mb = bytes / (1024 * 1024);
  console.log(`${label}: ${corpus.length} articles, ${mb.toFixed(2)} MB, ${claims} claims in ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s of CPU); load average at start ${load.toFixed(1)}`);
  console.log(`  throughput: ${(mb / cpuSeconds).toFixed(2)} MB/s per CPU second on one core (target ≥ 1 MB/s), ${(mb / seconds).toFixed(2)} MB/s wall clock; ${((cpuSeconds * 1000) / corpus.length).toFixed(2)} ms of CPU per article`);
}

const warmup = shuffled(warmupBytes);
const measured = shuffled(targetBytes);
if (warmup.corpus.length) run('first pass (fresh process, engine warming up)', warmup);
run(warmup.corpus.length ? 'steady state (after the first pass)' : 'fresh process', measured);
console.log('(wall-clock figures are only comparable on an idle machine; the CPU figures less so on a loaded one)');
