// Fetches an article's page for an editor, safely: the server must not become a way into the
// newsroom's own network (server-side request forgery). Every address a host name resolves to is
// checked, at every redirect hop, and the connection is made to the address that was checked, so
// a second DNS answer cannot swap in an internal one (DNS rebinding).
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ImportProblem } from './problems.ts';

export type FetchOptions = {
  /** Tests serve pages from 127.0.0.1; production never fetches private addresses. */
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
};

export type FetchedPage = { url: string; contentType: string; charset: string | null; body: Buffer };

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Refuses anything but public unicast addresses: private, loopback, link-local, unique-local, multicast, reserved… */
export function isPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return false;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

function privateAddress(host: string): never {
  throw new ImportProblem(
    'import.error.privateAddress',
    `${host} is a private or local address: Claimline only fetches public web pages.`,
    { host },
    'url',
  );
}

/** Resolves a host once, checks every address, and hands the connection the checked one. */
function pinnedLookup(allowPrivate: boolean, checked: { host: string; address?: string }): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true })
      .then((addresses) => {
        if (!addresses.length) throw Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' });
        if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) privateAddress(hostname);
        const wanted = options.family === 6 ? addresses.find((a) => a.family === 6) : options.family === 4 ? addresses.find((a) => a.family === 4) : undefined;
        const chosen = wanted ?? addresses[0]!;
        checked.address = chosen.address;
        if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [chosen]);
        else callback(null, chosen.address, chosen.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, '', 0));
  };
}

function requestOnce(url: URL, opts: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const checked = { host: url.hostname };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        signal,
        lookup: pinnedLookup(opts.allowPrivate, checked),
        // A fresh connection per request: a pooled socket could reach a host checked under another name.
        agent: false,
        headers: {
          'User-Agent': 'Claimline article import (+https://github.com/claimline)',
          Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          'Accept-Encoding': 'identity',
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}

export function tooLarge(maxBytes: number, field: 'url' | 'file' | 'text' = 'url'): ImportProblem {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new ImportProblem('import.error.tooLarge', `This is larger than ${mb} MB, far more than an article: import the article's text alone.`, { mb }, field);
}

/** GETs an HTML page, following up to five redirects, each hop checked like the first. */
export async function fetchPage(address: string, opts: FetchOptions): Promise<FetchedPage> {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new ImportProblem('import.error.url', `"${address}" is not a web address.`, { url: address }, 'url');
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  try {
    for (let hop = 0; hop <= (opts.maxRedirects ?? 5); hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new ImportProblem('import.error.url', `"${url.href}" is not a web address (http or https).`, { url: url.href }, 'url');
      }
      if (url.username || url.password) throw new ImportProblem('import.error.url', 'Web addresses with a user name or password are not fetched.', { url: url.href }, 'url');
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(literal) && !opts.allowPrivate && !isPublicAddress(literal)) privateAddress(literal);

      let res: IncomingMessage;
      try {
        res = await requestOnce(url, opts, controller.signal);
      } catch (error) {
        throw asProblem(error, url, controller.signal);
      }
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        url = new URL(res.headers.location, url);
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new ImportProblem('import.error.httpStatus', `The page answered with HTTP ${status}.`, { status }, 'url');
      }
      const [type = '', ...params] = (res.headers['content-type'] ?? '').split(';').map((s) => s.trim());
      if (!HTML_TYPES.has(type.toLowerCase())) {
        res.resume();
        throw new ImportProblem(
          'import.error.contentType',
          `The address gives ${type || 'content of no declared type'}, not a web page: download it and upload the file instead.`,
          { type: type || '?' },
          'url',
        );
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        res.destroy();
        throw tooLarge(opts.maxBytes);
      }
      let body: Buffer;
      try {
        body = await readBody(res, opts.maxBytes);
      } catch (error) {
        throw asProblem(error, url, controller.signal);
      }
      const charset = params.find((p) => /^charset=/i.test(p))?.slice(8).replace(/"/g, '') ?? null;
      return { url: url.toString(), contentType: type.toLowerCase(), charset, body };
    }
    throw new ImportProblem('import.error.redirects', 'The page redirects too many times.', {}, 'url');
  } finally {
    clearTimeout(timer);
  }
}

function asProblem(error: unknown, url: URL, signal: AbortSignal): Error {
  if (error instanceof ImportProblem) return error;
  if (signal.aborted) {
    return new ImportProblem('import.error.timeout', `${url.host} did not answer in time.`, { host: url.host }, 'url');
  }
  const code = (error as { code?: string })?.code ?? '';
  return new ImportProblem(
    'import.error.unreachable',
    `${url.host} could not be reached${code ? ` (${code})` : ''}.`,
    { host: url.host, code },
    'url',
  );
}
