/**
 * A cookie-keeping HTTP client for the console's API, as a browser would use it: it reads the
 * session's CSRF token and sends it on POSTs (unless told not to), and records every response
 * body so tests can search all of them for values that must never appear.
 */
export interface ConsoleAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  readonly bodies: string[] = [];
  csrf = '';

  constructor(readonly base: string, readonly extraHeaders: Record<string, string> = {}) {}

  async request(method: string, path: string, options: { body?: unknown; csrf?: string | null; headers?: Record<string, string> } = {}): Promise<ConsoleAnswer> {
    const headers: Record<string, string> = { ...this.extraHeaders, ...options.headers };
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (method === 'POST' && csrf !== null) headers['x-csrf-token'] = csrf;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      redirect: 'manual',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    this.bodies.push(text);
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (a page or an asset)
    }
    return { status: response.status, body, text, headers: response.headers };
  }

  get(path: string): Promise<ConsoleAnswer> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, csrf?: string | null): Promise<ConsoleAnswer> {
    return this.request('POST', path, { body, csrf });
  }

  /** Reads the session (and its CSRF token) as the page does at load. */
  async session(): Promise<ConsoleAnswer> {
    const answer = await this.get('/api/session');
    this.csrf = (answer.body as { csrfToken: string }).csrfToken;
    return answer;
  }

  async login(token: string, name: string): Promise<ConsoleAnswer> {
    await this.session();
    const answer = await this.post('/api/login', { token, name });
    if (answer.status === 200) this.csrf = (answer.body as { csrfToken: string }).csrfToken;
    return answer;
  }
}
