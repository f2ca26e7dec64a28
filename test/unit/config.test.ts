import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.match(config.dataDir, /data$/);
    assert.equal(config.seedOnEmpty, true);
  });

  it('names every bad variable in one clear error', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /PORT/.test(error.message) &&
        /DATABASE_URL: must be a postgres/.test(error.message) &&
        /LOG_LEVEL/.test(error.message),
    );
  });

  it('treats an empty DATABASE_URL as unset', () => {
    assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined);
  });
});
