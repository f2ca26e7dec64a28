import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { settingOrInsert } from '../../db/queries/settings.ts';

// One random key per installation, kept in the database so every instance shares it and a
// restart keeps it, with nothing to configure. It signs values the server hands to browsers
// (the anonymous CSRF cookie, device cookies) so it can recognise them later.
const cache = new WeakMap<object, Promise<Buffer>>();

export function appSecret(ex: Executor): Promise<Buffer> {
  let secret = cache.get(ex);
  if (!secret) {
    secret = settingOrInsert(ex, 'app_secret', randomBytes(32).toString('base64url')).then((v) => Buffer.from(v, 'base64url'));
    secret.catch(() => cache.delete(ex));
    cache.set(ex, secret);
  }
  return secret;
}

export function sign(secret: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
