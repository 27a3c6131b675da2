import { describe, expect, it } from 'vitest';
import { rowOf } from '../alarm/alarmView';
import type { AlarmRecord, Priority } from '../../../shared/alarm/model';
import { Quality } from '../../../shared/plant/band';
import type { EmergencyState, RiskStatus } from '../../../shared/state/reducer';
import type { IncidentRecord } from '../../../shared/incident/model';
import { alarmsByArea, countBy, elapsedText, incidentLines, rateBand, rateTrend, riskDistribution, tagHealth } from './overviewView';

let n = 0;
function alarm(area: string, priority: Priority, over: Partial<AlarmRecord['lifecycle']> = {}): AlarmRecord {
  n++;
  return {
    id: `T-${n}:HH`,
    kind: 'HH',
    source: `T-${n}`,
    area,
    equipment: null,
    priority,
    position: [0, 0, 0],
    message: { zh: 'x', en: 'x' },
    lifecycle: { active: true, acked: false, latched: false, shelved: null, suppressed: false, outOfService: null, ...over },
    value: 1,
    limit: 1,
    unit: null,
    activatedAt: 1000 + n,
    lastChange: 1000 + n,
  };
}

describe('alarmsByArea', () => {
  it('counts annunciated alarms per area and priority, worst area first, hidden ones left out', () => {
    const rows = [alarm('A', 3), alarm('A', 3), alarm('B', 1), alarm('C', 2), alarm('C', 4), alarm('B', 2, { suppressed: true }), alarm('D', 1, { active: false, acked: true })].map(rowOf);
    const out = alarmsByArea(rows);
    expect(out.map((a) => a.area)).toEqual(['B', 'C', 'A']);
    expect(out[0]).toMatchObject({ total: 1, worst: 1, counts: { 1: 1, 2: 0, 3: 0, 4: 0 } });
    expect(out[2]).toMatchObject({ total: 2, worst: 3, counts: { 3: 2 } });
  });
});

describe('riskDistribution', () => {
  it('counts current grades and raised units', () => {
    const r = (inherent: RiskStatus['inherent'], current: RiskStatus['current']): RiskStatus => ({ area: 'A', inherent, current, reasons: [], since: 0 });
    const d = riskDistribution({ a: r('blue', 'blue'), b: r('yellow', 'orange'), c: r('orange', 'orange'), d: r('red', 'red') });
    expect(d.counts).toEqual({ blue: 1, yellow: 0, orange: 2, red: 1 });
    expect(d.raised).toBe(1);
    expect(d.total).toBe(4);
  });
});

describe('tagHealth', () => {
  it('counts each tag once: offline, then stale, then bad quality', () => {
    const now = 100_000;
    const cols = {
      count: 6,
      quality: Uint8Array.from([Quality.Good, Quality.Offline, Quality.Good, Quality.Bad, Quality.Uncertain, Quality.Bad]),
      times: Float64Array.from([now - 500, now - 500, 0, now - 500, now - 500, now - 50_000]),
      periodMs: Float64Array.from([1000, 1000, 1000, 1000, 1000, 1000]),
    };
    expect(tagHealth(cols, now, 3)).toEqual({ total: 6, offline: 2, stale: 1, bad: 2 });
  });
});

describe('incidentLines', () => {
  it('lists open incidents, level I first then the oldest, with elapsed time', () => {
    const inc = (id: string, level: IncidentRecord['level'], openedAt: number, state: IncidentRecord['state'] = 'open'): IncidentRecord =>
      ({ id, level, openedAt, state, title: { zh: id, en: id }, evacuation: null, drill: false }) as IncidentRecord;
    const em = { incidents: { a: inc('a', 'III', 0), b: inc('b', 'I', 5000), c: inc('c', 'III', 1000), d: inc('d', 'I', 0, 'closed') } } as unknown as EmergencyState;
    const lines = incidentLines(em, 65_000);
    expect(lines.map((l) => l.id)).toEqual(['b', 'a', 'c']);
    expect(lines[0]!.elapsedMs).toBe(60_000);
    expect(incidentLines(undefined, 0)).toEqual([]);
  });
});

describe('rate trend and bands', () => {
  it('bands rates per EEMUA 191', () => {
    expect([0, 1, 1.5, 2, 9, 10, 11].map((r) => rateBand(r))).toEqual(['acceptable', 'acceptable', 'manageable', 'manageable', 'over_demanding', 'over_demanding', 'unacceptable']);
  });

  it('bins the last hour in 5-minute buckets as per-10-minute rates', () => {
    const now = 3_600_000 * 5;
    const acts = [now - 30_000, now - 60_000, now - 70_000, now - 700_000, now - 4_000_000].map((time) => ({ time }));
    const t = rateTrend(acts, now);
    expect(t.per10Min).toHaveLength(12);
    expect(t.per10Min[11]).toBe(6);
    expect(t.per10Min.reduce((a, b) => a + b, 0)).toBe(8);
    expect(t.last10Min).toBe(3);
    expect(t.band).toBe('over_demanding');
  });
});

describe('small helpers', () => {
  it('countBy keeps known keys in order, zero included', () => {
    expect(countBy(['x', 'y', 'x', 'z'] as const, ['y', 'w'] as never)).toEqual([
      { key: 'y', n: 1 },
      { key: 'w', n: 0 },
      { key: 'x', n: 2 },
      { key: 'z', n: 1 },
    ]);
  });
  it('elapsedText', () => {
    expect(elapsedText(65_000)).toBe('1:05');
    expect(elapsedText(3_723_000)).toBe('1:02:03');
  });
});
