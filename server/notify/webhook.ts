/**
 * The webhook channel's transport: HTTP POST of a JSON body, a timeout per attempt and one retry
 * after a short pause. Never throws: the result says whether the endpoint took it (2xx) and, if
 * not, why — the notification service journals either.
 */

export interface WebhookResult {
  delivered: boolean;
  /** Why the last attempt failed (HTTP status, timeout, connection error). */
  error?: string;
  attempts: number;
}

export interface WebhookOptions {
  /** Per attempt, ms. */
  timeoutMs: number;
  /** Pause before the one retry, ms. */
  retryDelayMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = { timeoutMs: 3000, retryDelayMs: 500 };

export type WebhookPoster = (url: string, body: unknown) => Promise<WebhookResult>;

async function attempt(url: string, text: string, timeoutMs: number): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'vigil-plant-server' },
      body: text,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    // Drain the body so the connection can be reused or closed.
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
    return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
  }
}

/** A poster with the given timeout and retry pause (the default channel transport). */
export function createWebhookPoster(opts: Partial<WebhookOptions> = {}): WebhookPoster {
  const o = { ...DEFAULT_WEBHOOK_OPTIONS, ...opts };
  return async (url, body) => {
    const text = JSON.stringify(body);
    const first = await attempt(url, text, o.timeoutMs);
    if (first === null) return { delivered: true, attempts: 1 };
    await new Promise((r) => setTimeout(r, o.retryDelayMs));
    const second = await attempt(url, text, o.timeoutMs);
    return second === null ? { delivered: true, attempts: 2 } : { delivered: false, error: second, attempts: 2 };
  };
}

/** Checks a `--webhook` URL: http or https, absolute. Returns an error message or null. */
export function webhookUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `not a URL: ${url}`;
  }
  return u.protocol === 'http:' || u.protocol === 'https:' ? null : `webhook URLs must be http or https: ${url}`;
}
