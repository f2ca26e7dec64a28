import { DataDirInUse } from '../db/lock.ts';
import { ConfigError } from '../server/config.ts';

/** Runs a command-line task: expected failures print one clear line, others the whole error. */
export async function runCli(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirInUse) console.error(error.message);
    else console.error(error);
    process.exitCode = 1;
  }
}
