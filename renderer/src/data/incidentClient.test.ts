import { describe, expect, it } from 'vitest';
import { testIncident, testPlan } from '../incident/incidentFixtures';
import { IncidentClient } from './incidentClient';

type Call = { url: string; init: RequestInit };

function client(answer: (url: string, init: RequestInit) => Response | Promise<Response>, token: string | null = 'tok') {
  const calls: Call[] = [];
  const c = new IncidentClient('http://plant', () => token, async (url, init = {}) => {
    calls.push({ url, init });
    return answer(url, init);
  });
  return { c, calls };
}
const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('IncidentClient', () => {
  it('reads an incident with the session token and validates it', async () => {
    const detail = { incident: testIncident(), flags: { firstReport: { dueAt: 1, at: null, late: false }, overdueSteps: [], escalation: 1 }, log: [], plan: testPlan, snapshots: [] };
    const { c, calls } = client(() => json({ ok: true, data: detail }));
    const got = await c.detail('INC-20261128-01');
    expect(got?.incident.id).toBe('INC-20261128-01');
    expect(calls[0]!.url).toBe('http://plant/api/v1/incidents/INC-20261128-01');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer tok');
  });

  it('answers null for a refusal, a malformed answer or an unreachable server', async () => {
    expect(await client(() => json({ ok: false, code: 'not_found', message: 'no' }, 404)).c.detail('x')).toBeNull();
    expect(await client(() => json({ ok: true, data: { incident: { id: 1 } } })).c.detail('x')).toBeNull();
    expect(await client(() => Promise.reject(new TypeError('fetch failed'))).c.plans()).toBeNull();
  });

  it('asks for one need or all, and for the report as text', async () => {
    const { c, calls } = client((url) => (url.includes('/report') ? new Response('<html>INC</html>') : json({ ok: true, data: { incidentId: 'I', target: [1, 2], needs: ['hazmat'], candidates: [] } })));
    expect((await c.candidates('I', 'hazmat'))?.needs).toEqual(['hazmat']);
    expect(calls[0]!.url).toBe('http://plant/api/v1/incidents/I/dispatch/candidates?need=hazmat');
    await c.candidates('I');
    expect(calls[1]!.url).toBe('http://plant/api/v1/incidents/I/dispatch/candidates');
    expect(await c.report('I', 'html')).toBe('<html>INC</html>');
    expect(calls[2]!.url).toBe('http://plant/api/v1/incidents/I/report?format=html');
  });

  it('posts a snapshot as image/png with its caption', async () => {
    const { c, calls } = client(() => json({ ok: true, data: { id: 's1', at: 5, by: 'cmdr', caption: 'wind 0°', bytes: 4 } }, 201));
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const info = await c.snapshot('I', png, 'wind 0°');
    expect(info).toEqual({ id: 's1', at: 5, by: 'cmdr', caption: 'wind 0°', bytes: 4 });
    expect(calls[0]!.url).toBe(`http://plant/api/v1/incidents/I/snapshots?caption=${encodeURIComponent('wind 0°')}`);
    expect(calls[0]!.init.method).toBe('POST');
    expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('image/png');
    expect(calls[0]!.init.body).toBe(png);
  });
});
