import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with N = 2^15, r = 8, p = 1 (32 MiB, OWASP's minimum is 2^17 with r = 8 at 128 MiB
// for p = 1 or an equivalent trade-off; 2^15 keeps a sign-in near 0.1 s on a small server).
// The parameters travel with each hash, so raising them later only affects new hashes.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const MAX_MEMORY = 128 * COST.N * COST.r * 2;

export const PASSWORD_MIN_LENGTH = 12;
// Long enough for any passphrase, short enough that hashing it cannot be used to tie up the server.
export const PASSWORD_MAX_LENGTH = 256;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // No usable hash (an invited user who has not set a password): spend the same time anyway,
    // so response times do not reveal which accounts exist.
    await derive(password, randomBytes(16), COST);
    return false;
  }
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The reason a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, { email, name }: { email?: string; name?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'auth.passwordTooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'auth.passwordTooLong';
  const lower = password.toLowerCase();
  if ((email && lower === email.trim().toLowerCase()) || (name && lower === name.trim().toLowerCase())) {
    return 'auth.passwordIsName';
  }
  if (new Set(password).size < 4) return 'auth.passwordTooSimple';
  return null;
}
