import { describe, expect, it } from 'vitest';
import type { DrillRecord, DrillScore } from '../../../shared/drill/scenario';
import { drillElapsedMs, formatDrillClock } from './drillClock';
import { reviewCsv, reviewLines } from './reviewRows';

const rec = (p: Partial<DrillRecord>): DrillRecord => ({ id: 'DR-1', scenario: 's', name: { zh: '演练', en: 'Drill' }, state: 'running', startedAt: 10_000, startedBy: 'c', startSeq: 1, pausedMs: 0, pausedAt: null, endedAt: null, nextStep: 0, announcement: null, ...p });

describe('drill clock', () => {
  it('excludes past and current pauses and freezes at the end', () => {
    expect(drillElapsedMs(rec({}), 70_000)).toBe(60_000);
    expect(drillElapsedMs(rec({ pausedMs: 5_000 }), 70_000)).toBe(55_000);
    expect(drillElapsedMs(rec({ pausedMs: 5_000, pausedAt: 60_000, state: 'paused' }), 70_000)).toBe(45_000);
    expect(drillElapsedMs(rec({ endedAt: 40_000, state: 'completed' }), 999_000)).toBe(30_000);
    expect(formatDrillClock(65_000)).toBe('1:05');
    expect(formatDrillClock(3_725_000)).toBe('1:02:05');
    expect(formatDrillClock(-5)).toBe('0:00');
  });
});

describe('after-action review lines', () => {
  const score: DrillScore = {
    drillId: 'DR-1',
    scenario: 's',
    score: 62.5,
    items: [
      { key: 'incident_open', label: { zh: '事件立案', en: 'Incident open' }, targetS: 60, actualS: 20, outcome: 'on_time', weight: 1, points: 1, actor: 'system', seq: 5 },
      { key: 'first_ack', label: { zh: '首次确认', en: 'First ack' }, targetS: 30, actualS: 45, outcome: 'late', weight: 1, points: 0.5, actor: 'op, "A"', seq: 7 },
      { key: 'muster_100', label: { zh: '全员集合', en: 'All mustered' }, targetS: 600, actualS: null, outcome: 'missed', weight: 2, points: 0, actor: null, seq: null },
    ],
  };
  it('pairs targets and actuals, adds the script, sorted by the earlier time', () => {
    const lines = reviewLines(score, { script: [{ index: 0, atS: 0, do: 'inject', what: 'gas_release V-1', ranS: 1 }] });
    expect(lines.map((l) => l.key)).toEqual(['script:0', 'incident_open', 'first_ack', 'muster_100']);
    expect(lines[2]).toMatchObject({ targetS: 30, actualS: 45, outcome: 'late', actor: 'op, "A"' });
    expect(lines[0]).toMatchObject({ targetS: 0, actualS: 1, outcome: 'script' });
  });
  it('exports CSV with quoting and the total', () => {
    const csv = reviewCsv('DR-1', score, reviewLines(score, null));
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('drill,key,label_zh,label_en,target_s,actual_s,outcome,actor,seq,points,weight');
    expect(rows).toContain('DR-1,first_ack,首次确认,First ack,30,45,late,"op, ""A""",7,0.5,1');
    expect(rows.at(-1)).toBe('DR-1,score,,,,,,,,62.5,');
  });
});
