import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataDirInUse, lockDataDir } from '../../../db/lock.ts';

describe('lockDataDir', () => {
  it('refuses a folder held by another live process, with a message saying what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimline-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dir, 'claimline.pid'), String(other.pid));
      assert.throws(
        () => lockDataDir(dir),
        (error: unknown) => error instanceof DataDirInUse && /in use by another Claimline process/.test(error.message),
      );
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and gives it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimline-lock-'));
    writeFileSync(join(dir, 'claimline.pid'), '999999999');
    const release = lockDataDir(dir);
    assert.equal(readFileSync(join(dir, 'claimline.pid'), 'utf8'), String(process.pid));
    release();
    assert.equal(existsSync(join(dir, 'claimline.pid')), false);
  });
});
