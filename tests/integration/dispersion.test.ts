import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

/** POST /api/v1/dispersion/plume on a real server (docs/dispersion.md). */
describe('dispersion REST', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  const post = (json: unknown) => h.rest('/api/v1/dispersion/plume', { method: 'POST', json });

  it('answers the Turner (AP-26) worked example without a session', async () => {
    const res = await post({ releaseRateKgS: 0.003, windSpeedMS: 7, releaseHeightM: 0, stability: 'D', sigma: 'pasquill-gifford', receptors: [{ x: 3000, y: 0, z: 0 }] });
    expect(res.status).toBe(200);
    const body = res.body as { ok: boolean; receptors: { concentrationKgM3: number; sigmaYM: number; sigmaZM: number; ppm?: number }[]; zones?: unknown };
    expect(body.ok).toBe(true);
    expect(body.receptors).toHaveLength(1);
    const g = body.receptors[0]!.concentrationKgM3 * 1000;
    expect(g).toBeGreaterThan(1.0e-5);
    expect(g).toBeLessThan(1.2e-5);
    expect(body.receptors[0]!.ppm).toBeUndefined();
    expect(body.zones).toBeUndefined();
  });

  it('adds ppm and threat zones when a chemical is named', async () => {
    const res = await post({ releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 2, stability: 'F', sigma: 'briggs-rural', chemical: 'chlorine', receptors: [{ x: 200, y: 5, z: 1.5 }] });
    expect(res.status).toBe(200);
    const body = res.body as { receptors: { ppm: number }[]; zones: { band: string; downwindExtentM: number }[]; warnings: { code: string }[] };
    expect(body.receptors[0]!.ppm).toBeGreaterThan(0);
    expect(body.zones.map((z) => z.band)).toEqual(['red', 'orange', 'yellow']);
    expect(body.zones[2]!.downwindExtentM).toBeGreaterThan(body.zones[0]!.downwindExtentM);
    expect(body.warnings.map((w) => w.code)).toContain('dense_gas');
  });

  it('refuses bad bodies with a clear 400 and counts them, and keeps serving', async () => {
    const before = ((await h.rest('/api/v1/health')).body as { data: { rejected: Record<string, number> } }).data.rejected.bad_request ?? 0;
    const cases: unknown[] = [
      { releaseRateKgS: -1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [] },
      { releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [], chemical: 'unobtainium' },
      { releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [], chemical: 'lpg', levelSet: 'aegl' },
      'not json at all',
    ];
    for (const c of cases) {
      const res = await post(c);
      expect(res.status).toBe(400);
      expect((res.body as { ok: boolean; message: string }).ok).toBe(false);
    }
    const unknown = await post({ releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [], chemical: 'unobtainium' });
    expect((unknown.body as { message: string }).message).toMatch(/unknown chemical "unobtainium" \(known: chlorine/);
    const after = ((await h.rest('/api/v1/health')).body as { data: { rejected: Record<string, number> } }).data.rejected.bad_request ?? 0;
    expect(after).toBeGreaterThanOrEqual(before + 4);
    const many = await post({ releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-urban', receptors: Array.from({ length: 10_000 }, (_, i) => ({ x: i + 1, y: 0, z: 0 })) });
    expect(many.status).toBe(200);
    expect((many.body as { receptors: unknown[] }).receptors).toHaveLength(10_000);
  });
});
