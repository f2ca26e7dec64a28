// Runs the suite with Node's test runner. On Node 20 `node --test` finds no .ts files by
// itself and a quoted glob fails, so the files are listed here and passed explicitly.
// usage: npm test [-- path-or-folder ...]   (default: test/unit test/http test/browser)
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test/unit', 'test/http', 'test/browser'];

function collect(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (stat.isFile()) return path.endsWith('.test.ts') ? [path] : [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => collect(join(path, name)));
}

const files = roots.flatMap(collect).map((f) => relative(process.cwd(), f));
if (!files.length) {
  console.error(`No test files under ${roots.join(', ')}`);
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
