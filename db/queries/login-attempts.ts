import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { loginAttempts } from '../schema/index.ts';

export type FailureCounts = {
  now: Date;
  /** Failures for this account from this address in the last hour, and the latest one. */
  pair: number;
  pairLast: Date | null;
  /** Failures for this account from anywhere, and from this address for any account, in the window. */
  account: number;
  accountOldest: Date | null;
  address: number;
  addressOldest: Date | null;
};

/**
 * Recent failures around one sign-in, counted by the database (its clock, shared by every
 * instance) in one query over the two indexes.
 */
export async function countFailures(ex: Executor, email: string, ip: string, windowSeconds: number): Promise<FailureCounts> {
  const window = sql`now() - make_interval(secs => ${windowSeconds})`;
  const isPair = sql`${loginAttempts.email} = ${email} and ${loginAttempts.ip} = ${ip}`;
  const [row] = await ex
    .select({
      now: sql<Date | string>`now()`,
      pair: sql<number>`(count(*) filter (where ${isPair} and ${loginAttempts.at} > now() - interval '1 hour'))::int`,
      pairLast: sql<Date | string | null>`max(${loginAttempts.at}) filter (where ${isPair})`,
      account: sql<number>`(count(*) filter (where ${loginAttempts.email} = ${email} and ${loginAttempts.at} > ${window}))::int`,
      accountOldest: sql<Date | string | null>`min(${loginAttempts.at}) filter (where ${loginAttempts.email} = ${email} and ${loginAttempts.at} > ${window})`,
      address: sql<number>`(count(*) filter (where ${loginAttempts.ip} = ${ip} and ${loginAttempts.at} > ${window}))::int`,
      addressOldest: sql<Date | string | null>`min(${loginAttempts.at}) filter (where ${loginAttempts.ip} = ${ip} and ${loginAttempts.at} > ${window})`,
    })
    .from(loginAttempts)
    .where(
      and(
        or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)),
        sql`${loginAttempts.at} > now() - greatest(interval '1 hour', make_interval(secs => ${windowSeconds}))`,
      ),
    );
  const date = (v: Date | string | null | undefined) => (v ? new Date(v) : null);
  return {
    now: date(row!.now)!,
    pair: Number(row!.pair),
    pairLast: date(row!.pairLast),
    account: Number(row!.account),
    accountOldest: date(row!.accountOldest),
    address: Number(row!.address),
    addressOldest: date(row!.addressOldest),
  };
}

export async function insertFailure(ex: Executor, email: string, ip: string): Promise<void> {
  await ex.insert(loginAttempts).values({ email, ip });
}

/** A successful sign-in forgives this address's failures for the account, and old rows go. */
export async function clearFailures(ex: Executor, email: string, ip: string): Promise<void> {
  await ex.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)));
  await ex.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
}
