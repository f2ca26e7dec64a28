// Accounts and a cookie-keeping HTTP client for tests.
//
//   const editor = await createUser(app.database.db, { role: 'editor' });
//   const client = new Client(app.url);
//   await client.login(editor.email, editor.password);
//   const page = await client.get('/claims/1');            // page.status, page.doc, page.body
//   await client.post('/claims/1/status', { status: 'false', version: 3 });            // plain form
//   await client.post('/claims/1/status', { ... }, { htmx: true });                     // as htmx sends it
//   await client.post('/logout', {}, { csrf: false });    // no token: expect 403
//
// The client keeps cookies, follows no redirect (read `page.location`), and sends the CSRF
// token of the last HTML page it received (fetching '/' first if it has none yet).
import type { Db } from '../../db/client.ts';
import type { UserRole } from '../../db/schema/index.ts';
import { createUser as createAccount } from '../../server/domain/accounts.ts';
import { parse } from './html.ts';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

let counter = 0;

export type TestUser = { id: number; email: string; password: string; name: string; role: UserRole };

/** An account that can sign in. Email and name are unique per call unless given. */
export async function createUser(
  db: Db,
  { role = 'editor', email, name, password = DEFAULT_PASSWORD }: { role?: UserRole; email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const tag = `${process.pid}-${counter}`;
  const user = await createAccount(
    db,
    { email: email ?? `${role}-${tag}@example.org`, name: name ?? `${role === 'admin' ? 'Admin' : 'Editor'} ${tag}`, role, password },
    null,
  );
  return { ...user, password };
}

export type Page = {
  status: number;
  headers: Headers;
  body: string;
  /** The Location header of a redirect, or null. */
  location: string | null;
  /** The parsed HTML (linkedom), built on first use. */
  readonly doc: Document;
};

export type Fields = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export class Client {
  /** Cookie name → value, as a browser would keep them for this site. */
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last HTML page received. */
  csrfToken: string | undefined;
  // The session cookie the token belongs to: after signing in or out the token changes, so the
  // next post first loads a page, as a browser would have.
  private tokenSession: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Signs in through the login form. Returns the response (303 on success, 401 refused, 429 throttled). */
  async login(email: string, password: string, extra: Fields = {}): Promise<Page> {
    await this.get('/login');
    return this.post('/login', { email, password, ...extra });
  }

  async get(path: string, { htmx = false, headers = {} }: { htmx?: boolean; headers?: Record<string, string> } = {}): Promise<Page> {
    return this.request('GET', path, undefined, { ...(htmx ? { 'HX-Request': 'true' } : {}), ...headers });
  }

  /**
   * Posts form fields. `htmx` sends it as htmx would (HX-Request, token in X-CSRF-Token);
   * `csrf: false` sends no token, a string sends that token instead of the real one.
   */
  async post(
    path: string,
    fields: Fields = {},
    { htmx = false, csrf, headers = {} }: { htmx?: boolean; csrf?: string | false; headers?: Record<string, string> } = {},
  ): Promise<Page> {
    if (csrf === undefined && (!this.csrfToken || this.tokenSession !== this.sessionCookie())) await this.get('/');
    const token = csrf === undefined ? this.csrfToken : csrf;
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, String(v));
    }
    const extra: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (htmx) {
      extra['HX-Request'] = 'true';
      if (token) extra['X-CSRF-Token'] = token;
    } else if (token) {
      form.append('_csrf', token);
    }
    return this.request('POST', path, form.toString(), { ...extra, ...headers });
  }

  /** A second client holding a copy of this one's cookies (a stolen or copied cookie). */
  copy(): Client {
    const other = new Client(this.baseUrl);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    other.csrfToken = this.csrfToken;
    other.tokenSession = this.tokenSession;
    return other;
  }

  async request(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Page> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      body,
      redirect: 'manual',
      headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    });
    for (const line of response.headers.getSetCookie()) this.keepCookie(line);
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/html')) {
      const token =
        /hx-headers='\{"X-CSRF-Token":"([^"]+)"\}'/.exec(text)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
      if (token) {
        this.csrfToken = token;
        this.tokenSession = this.sessionCookie();
      }
    }
    let doc: Document | undefined;
    return {
      status: response.status,
      headers: response.headers,
      body: text,
      location: response.headers.get('location'),
      get doc() {
        doc ??= parse(text) as unknown as Document;
        return doc;
      },
    };
  }

  private sessionCookie(): string | undefined {
    return this.cookies.get('claimline_session') ?? this.cookies.get('__Host-claimline_session');
  }

  private keepCookie(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq < 1) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => {
      const [k = '', v = ''] = a.split('=').map((s) => s.trim());
      return (k.toLowerCase() === 'max-age' && Number(v) <= 0) || (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now());
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}
