import type { Executor } from '../../db/client.ts';
import { clearFailures, countFailures, insertFailure, type FailureCounts } from '../../db/queries/login-attempts.ts';

/*
 * Sign-in throttling, kept in the database so it holds across instances and restarts.
 *
 * - One account from one address: the first few failures are free, then each further one
 *   doubles the wait (30 s, 1 min, 2 min … at most 15 min). This is what stops guessing.
 * - One account from anywhere: a higher ceiling in a 15-minute window, against guessing
 *   spread over many addresses. An attacker could hold an editor's account at that ceiling,
 *   so a browser the editor already signed in with (a signed device cookie) is exempt: the
 *   editor keeps working while the attacker stays throttled.
 * - One address for any account: a ceiling against trying one password on many accounts.
 */
export const throttlePolicy = {
  pairFreeFailures: 5,
  pairBaseDelayMs: 30_000,
  pairMaxDelayMs: 15 * 60_000,
  windowMs: 15 * 60_000,
  accountCeiling: 30,
  addressCeiling: 100,
};

/** How long this sign-in must wait, in seconds; 0 when it may go ahead. Pure, for tests. */
export function waitFor(counts: FailureCounts, knownDevice: boolean, policy = throttlePolicy): number {
  const now = counts.now.getTime();
  const waits: number[] = [];
  if (counts.pair >= policy.pairFreeFailures && counts.pairLast) {
    const delay = Math.min(policy.pairBaseDelayMs * 2 ** (counts.pair - policy.pairFreeFailures), policy.pairMaxDelayMs);
    waits.push(counts.pairLast.getTime() + delay - now);
  }
  if (!knownDevice) {
    if (counts.account >= policy.accountCeiling && counts.accountOldest) waits.push(counts.accountOldest.getTime() + policy.windowMs - now);
    if (counts.address >= policy.addressCeiling && counts.addressOldest) waits.push(counts.addressOldest.getTime() + policy.windowMs - now);
  }
  const longest = Math.max(0, ...waits);
  return longest > 0 ? Math.ceil(longest / 1000) : 0;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function signInWait(ex: Executor, email: string, ip: string, knownDevice: boolean): Promise<number> {
  return waitFor(await countFailures(ex, normalizeEmail(email), ip, throttlePolicy.windowMs / 1000), knownDevice);
}

export function recordSignInFailure(ex: Executor, email: string, ip: string): Promise<void> {
  return insertFailure(ex, normalizeEmail(email), ip);
}

export function forgiveSignInFailures(ex: Executor, email: string, ip: string): Promise<void> {
  return clearFailures(ex, normalizeEmail(email), ip);
}
