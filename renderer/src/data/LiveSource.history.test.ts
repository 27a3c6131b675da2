import { describe, expect, it } from 'vitest';
import { harness } from '../testing/liveHarness';
import { RestClient } from './restClient';

const answer = {
  tag: 'TI-101',
  index: 0,
  from: 1000,
  to: 87_401_000,
  maxPoints: 300,
  source: '1m',
  samples: 40,
  kind: 'buckets',
  bucketMs: 300_000,
  t: [1000, 301_000],
  first: [1, 2],
  min: [0.5, null],
  max: [3, null],
  last: [2, null],
  avg: [1.5, null],
  n: [20, 0],
  bad: [0, 20],
};

function withRest(reply: (url: string) => Promise<Response>): { urls: string[]; h: ReturnType<typeof harness> } {
  const urls: string[] = [];
  const rest = new RestClient('http://127.0.0.1:1', async (url) => {
    urls.push(url);
    return reply(url);
  });
  return { urls, h: harness({ rest }) };
}

const json = (status: number, body: unknown): Promise<Response> => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('LiveSource.history', () => {
  it('asks for one range with from, to and maxPoints, and returns the validated buckets', async () => {
    const { urls, h } = withRest(() => json(200, { ok: true, data: answer }));
    const res = await h.source.history!('TI-101', 1000.4, 87_401_000, 300);
    expect(urls.filter((u) => u.includes('/history'))).toEqual(['http://127.0.0.1:1/api/v1/tags/TI-101/history?from=1000&to=87401000&maxPoints=300']);
    expect(res.ok).toBe(true);
    if (!res.ok || res.data.kind !== 'buckets') throw new Error('expected buckets');
    expect(res.data.bucketMs).toBe(300_000);
    expect(res.data.min).toEqual([0.5, null]);
    expect(res.data.bad).toEqual([0, 20]);
  });

  it('returns the server refusal as it came', async () => {
    const { h } = withRest(() => json(404, { ok: false, code: 'not_found', message: 'unknown tag "X"' }));
    expect(await h.source.history!('X', 0, 10, 5)).toEqual({ ok: false, code: 'not_found', message: 'unknown tag "X"' });
  });

  it('calls an answer that does not match the schema, or no answer, offline', async () => {
    const bad = withRest(() => json(200, { ok: true, data: { ...answer, kind: 'buckets', min: 'x' } }));
    const r1 = await bad.h.source.history!('TI-101', 0, 10, 5);
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.code).toBe('offline');
    const down = withRest(() => Promise.reject(new TypeError('fetch failed')));
    const r2 = await down.h.source.history!('TI-101', 0, 10, 5);
    expect(r2).toMatchObject({ ok: false, code: 'offline', message: 'fetch failed' });
  });

  it('refuses an answer for another tag', async () => {
    const { h } = withRest(() => json(200, { ok: true, data: { ...answer, tag: 'PI-200' } }));
    expect(await h.source.history!('TI-101', 0, 10, 5)).toMatchObject({ ok: false, code: 'internal' });
  });
});
