// usage: npm run --silent analyze -- MANIFEST.json
// MANIFEST: [{"id": "a1", "file": "a1.txt", "published": "2019-12-11" | null, "language": "fr" | null}]
// (files relative to the manifest). Prints one JSON object: {articles, same, links}.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { analyzeManifest, type ManifestEntry } from './lib/analyze-manifest.ts';

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(1);
}

const path = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!path) fail('usage: npm run --silent analyze -- MANIFEST.json');
let manifest: unknown;
try {
  manifest = JSON.parse(readFileSync(path, 'utf8'));
} catch (e) {
  fail(`cannot read manifest ${path}: ${(e as Error).message}`);
}
if (!Array.isArray(manifest)) fail('the manifest must be a JSON array of {id, file, published, language}');
const entries: ManifestEntry[] = [];
const ids = new Set<string>();
for (const [i, raw] of manifest.entries()) {
  const e = raw as Record<string, unknown>;
  if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !e.id || typeof e.file !== 'string' || !e.file) {
    fail(`manifest entry ${i} needs a non-empty string "id" and "file"`);
  }
  if (ids.has(e.id)) fail(`manifest entry ${i}: duplicate id "${e.id}"`);
  ids.add(e.id);
  const published = e.published ?? null;
  if (published !== null && (typeof published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(published))) {
    fail(`manifest entry "${e.id}": "published" must be YYYY-MM-DD or null`);
  }
  const language = e.language ?? null;
  if (language !== null && typeof language !== 'string') fail(`manifest entry "${e.id}": "language" must be a string or null`);
  const file = resolve(dirname(path), e.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`manifest entry "${e.id}": cannot read ${file}: ${(err as Error).message}`);
  }
  entries.push({ id: e.id, text, published: published as string | null, language: language as string | null });
}
process.stdout.write(JSON.stringify(analyzeManifest(entries)) + '\n');
