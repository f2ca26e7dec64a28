import { resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The public address of this instance, used in feeds and ClaimReview markup.
  BASE_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  // Number of reverse proxies in front of the app (X-Forwarded-For / -Proto are trusted that far).
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  SEED_ON_EMPTY: flag.default(true),
  // The organisation that publishes the fact-checks (ClaimReview author, feed author).
  PUBLISHER_NAME: z.string().trim().min(1).default('Claimline'),
  PUBLISHER_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  PUBLISHER_LOGO_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
  ALLOW_PRIVATE_FETCH: flag.default(false),
  // Article import: how long a page fetch may take, and the largest page or file accepted.
  IMPORT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  // An editor's session ends after this long without a request, and in any case this long after sign-in.
  SESSION_IDLE_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(7),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  baseUrl: string | undefined;
  trustProxy: number;
  seedOnEmpty: boolean;
  allowPrivateFetch: boolean;
  publisher: { name: string; url: string | undefined; logoUrl: string | undefined };
  importTimeoutMs: number;
  importMaxBytes: number;
  session: { idleMs: number; maxAgeMs: number };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    baseUrl: e.BASE_URL?.replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY,
    seedOnEmpty: e.SEED_ON_EMPTY,
    allowPrivateFetch: e.ALLOW_PRIVATE_FETCH,
    publisher: { name: e.PUBLISHER_NAME, url: e.PUBLISHER_URL ?? e.BASE_URL, logoUrl: e.PUBLISHER_LOGO_URL },
    importTimeoutMs: e.IMPORT_TIMEOUT_MS,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    session: { idleMs: e.SESSION_IDLE_HOURS * 3600_000, maxAgeMs: e.SESSION_MAX_DAYS * 86_400_000 },
  };
}
