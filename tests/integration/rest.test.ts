import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema, sessionSchema } from '../../shared/protocol/rest';
import type { JournalEvent } from '../../shared/state/events';
import { startHarness, waitFor, type Harness } from './harness';

let h: Harness;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'vigil-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  h = await startHarness({ rendererDir });
});
afterAll(async () => {
  await h.stop();
});

const body = (r: { body: unknown }) => r.body as { ok: boolean; code?: string; message?: string; data?: Record<string, unknown> };

/** A raw request, so that the Host header can be set. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      })
      .on('error', reject);
  });
}

describe('REST API', () => {
  it('serves health, the plant (with ETag) and metrics to anyone', async () => {
    const health = await h.rest('/api/v1/health');
    expect(health.status).toBe(200);
    const data = healthSchema.parse(body(health).data);
    expect(data).toMatchObject({ status: 'ok', mode: 'simulator', version: '0.1.0', tagCount: h.server.ctx.loaded.plant.tags.length });
    expect(data.rejected).toHaveProperty('bad_request');

    const plant = await h.rest('/api/v1/plant');
    expect(plant.status).toBe(200);
    expect(body(plant).data?.hash).toBe(h.server.ctx.loaded.hash);
    expect((body(plant).data?.plant as { tags: unknown[] }).tags).toHaveLength(h.server.ctx.loaded.plant.tags.length);
    const etag = plant.headers.get('etag')!;
    expect(etag).toBe(`"${h.server.ctx.loaded.hash}"`);
    expect((await h.rest('/api/v1/plant', { headers: { 'if-none-match': etag } })).status).toBe(304);

    const metrics = await h.rest('/metrics');
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = metrics.body as string;
    for (const name of ['vigil_consoles', 'vigil_tags', 'vigil_journal_seq', 'vigil_frames_sent_total', 'vigil_samples_sent_total', 'vigil_tick_duration_seconds_count', 'vigil_events_appended_total', 'process_resident_memory_bytes', 'vigil_uptime_seconds']) {
      expect(text).toMatch(new RegExp(`^${name} \\d`, 'm'));
    }
    expect(text).toMatch(/^vigil_rejected_messages_total\{reason="bad_request"\} \d+$/m);
  });

  it('gives a local commander session only to loopback requests addressed to loopback', async () => {
    const local = await h.rest('/api/v1/session/local');
    expect(local.status).toBe(200);
    expect(sessionSchema.parse(body(local).data).user).toEqual({ name: 'local', role: 'commander', displayName: 'Local console / 本机控制台' });
    const rebound = await rawGet(`${h.server.url}/api/v1/session/local`, { host: 'evil.example:4870' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.text)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('signs in with a password, refuses a wrong one and counts it', async () => {
    await h.addUser('olga', 'operator', 'olga-password');
    const bad = await h.rest('/api/v1/session', { method: 'POST', json: { user: 'olga', password: 'nope-nope' } });
    expect(bad.status).toBe(401);
    expect(body(bad)).toMatchObject({ ok: false, code: 'unauthenticated' });
    const good = await h.rest('/api/v1/session', { method: 'POST', json: { user: 'olga', password: 'olga-password' } });
    expect(good.status).toBe(200);
    const s = sessionSchema.parse(body(good).data);
    expect(s.user).toEqual({ name: 'olga', role: 'operator' });
    const health = healthSchema.parse(body(await h.rest('/api/v1/health')).data);
    expect(health.rejected.auth_failed).toBeGreaterThanOrEqual(1);
    const journal = await h.rest('/api/v1/journal?after=0&limit=5000', { token: s.token });
    const events = body(journal).data?.events as JournalEvent[];
    expect(events.some((e) => e.type === 'user.signed_in' && e.actor === 'olga')).toBe(true);
    expect((await h.rest('/api/v1/session', { method: 'DELETE', token: s.token })).status).toBe(200);
    expect((await h.rest('/api/v1/journal', { token: s.token })).status).toBe(401);
  });

  it('runs injections for drill coordinators and admins only, idempotently', async () => {
    const tag = h.server.ctx.loaded.plant.tags[0]!;
    const inj = { kind: 'detector_failure', tag: tag.id, mode: 'stuck' };
    expect((await h.rest('/api/v1/sim/inject', { method: 'POST', json: inj })).status).toBe(401);
    expect((await h.rest('/api/v1/sim/inject', { method: 'POST', json: inj, token: 'forged-token-forged-token' })).status).toBe(401);
    const viewer = await h.tokenFor('viewer');
    const refused = await h.rest('/api/v1/sim/inject', { method: 'POST', json: inj, token: viewer });
    expect(refused.status).toBe(403);
    expect(body(refused)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(body(refused).message).toMatch(/drill_coordinator/);

    const headers = { 'idempotency-key': 'drill-step-0001' };
    const first = await h.rest('/api/v1/sim/inject', { method: 'POST', json: inj, token: h.adminToken, headers });
    expect(first.status).toBe(201);
    const id = body(first).data?.injectionId as string;
    expect(id).toMatch(/^inj-\d+$/);
    const repeat = await h.rest('/api/v1/sim/inject', { method: 'POST', json: inj, token: h.adminToken, headers });
    expect(body(repeat).data?.injectionId).toBe(id);
    expect(Object.keys(h.server.ctx.engine.state.injections)).toEqual([id]);

    const unknown = await h.rest('/api/v1/sim/inject', { method: 'POST', json: { ...inj, tag: 'NOPE' }, token: h.adminToken });
    expect(unknown.status).toBe(404);
    expect(body(unknown).code).toBe('not_found');
    const cleared = await h.rest('/api/v1/sim/clear', { method: 'POST', token: h.adminToken });
    expect(body(cleared)).toEqual({ ok: true, data: { cleared: [id] } });
  });

  it('pages the journal and serves the recent window of a tag', async () => {
    const page = await h.rest('/api/v1/journal?after=0&limit=2', { token: h.adminToken });
    const events = body(page).data?.events as JournalEvent[];
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[0]!.type).toBe('system.started');
    for (const q of ['after=-1', 'limit=0', 'limit=abc', 'limit=100000', 'bogus=1']) {
      const r = await h.rest(`/api/v1/journal?${q}`, { token: h.adminToken });
      expect(r.status, q).toBe(400);
      expect(body(r).code).toBe('bad_request');
    }
    expect((await h.rest('/api/v1/journal')).status).toBe(401);

    const tag = h.server.ctx.loaded.plant.tags[1]!;
    const recent = await waitFor(async () => {
      const r = await h.rest(`/api/v1/tags/${encodeURIComponent(tag.id)}/recent?seconds=600`, { token: h.adminToken });
      const d = body(r).data as { values: unknown[] } | undefined;
      return d && d.values.length >= 2 ? d : null;
    }, 5000, 'two recent samples');
    expect(recent).toMatchObject({ tag: tag.id, index: 1 });
    expect((await h.rest('/api/v1/tags/NO-SUCH-TAG/recent', { token: h.adminToken })).status).toBe(404);
    expect((await h.rest(`/api/v1/tags/${encodeURIComponent(tag.id)}/recent?seconds=0`, { token: h.adminToken })).status).toBe(400);
  });

  it('answers malformed requests with a bad_request Ack and counts them', async () => {
    const before = healthSchema.parse(body(await h.rest('/api/v1/health')).data).rejected;
    const post = (init: RequestInit) => h.rest('/api/v1/sim/inject', { method: 'POST', token: h.adminToken, ...init });
    const cases = [
      await post({ body: '{"kind": ', headers: { 'content-type': 'application/json' } }),
      await post({ body: 'kind=gas', headers: { 'content-type': 'text/plain' } }),
      await post({ body: '{"__proto__": {"x": 1}}', headers: { 'content-type': 'application/json' } }),
      await post({ body: JSON.stringify({ pad: 'x'.repeat(100_000) }), headers: { 'content-type': 'application/json' } }),
      await post({ body: '[1,2,3]', headers: { 'content-type': 'application/json' } }),
      await post({ body: '{"kind":"gas_release","position":[1e999,0,0],"chemical":"x","rateKgS":1}', headers: { 'content-type': 'application/json' } }),
      await h.rest('/api/v1/session', { method: 'POST', json: { user: 'x' } }),
    ];
    for (const c of cases) {
      expect(c.status).toBe(400);
      expect(body(c)).toMatchObject({ ok: false, code: 'bad_request' });
    }
    const after = healthSchema.parse(body(await h.rest('/api/v1/health')).data).rejected;
    expect(after.bad_request! - before.bad_request!).toBeGreaterThanOrEqual(cases.length);
    expect(after.oversized! - before.oversized!).toBe(1);
    const nf = await h.rest('/api/v1/nothing-here');
    expect(nf.status).toBe(404);
    expect(body(nf)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('serves the console with its CSP', async () => {
    const res = await fetch(h.server.url + '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>console</title>');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("worker-src 'self' blob:");
  });
});

describe('REST without a built console or local sessions', () => {
  it('says how to build the console, in both languages, and refuses local sessions', async () => {
    const bare = await startHarness({ rendererDir: null, localSession: false });
    try {
      const res = await fetch(bare.server.url + '/');
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(text).toContain('npm run build');
      expect(text).toContain('控制台尚未构建');
      expect((await bare.rest('/api/v1/session/local')).status).toBe(403);
    } finally {
      await bare.stop();
    }
  });
});
