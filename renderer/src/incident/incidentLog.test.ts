import { describe, expect, it } from 'vitest';
import { formatLogEntry, logLines } from './incidentLog';

const e = (action: string, actor = 'system', note?: string, seq = 1): Parameters<typeof formatLogEntry>[0] => ({ seq, time: 1000 * seq, actor, type: 'incident.changed', action, note });

describe('significant-events log', () => {
  it('marks a person’s log entry as a decision and the server’s as not', () => {
    expect(formatLogEntry(e('log', 'cmdr', 'close the north gate'))).toMatchObject({ key: 'incident.log.log', decision: true, system: false, note: 'close the north gate' });
    expect(formatLogEntry(e('log', 'system', 'something')).decision).toBe(false);
  });
  it('turns late steps, an overdue first report, escalation and level changes into lines that need attention', () => {
    expect(formatLogEntry(e('step_late', 'system', 'isolate, cordon'))).toMatchObject({ key: 'incident.log.step_late', values: { steps: 'isolate, cordon' }, attention: true, note: null });
    expect(formatLogEntry(e('log', 'system', 'first_report_overdue: due 12:00'))).toMatchObject({ key: 'incident.log.firstReportOverdue', attention: true });
    expect(formatLogEntry(e('escalate', 'system', 'GD-302:CONFIRMED: second group')).attention).toBe(true);
    expect(formatLogEntry(e('level', 'cmdr', 'III → II: people downwind')).attention).toBe(true);
  });
  it('names dispatch states, notices and muster milestones the reducer writes', () => {
    expect(formatLogEntry({ ...e('dispatch_en_route', 'cmdr', 'TEAM-HAZMAT'), type: 'dispatch.changed' })).toMatchObject({ key: 'incident.log.dispatch.en_route', values: { unit: 'TEAM-HAZMAT' }, note: null });
    expect(formatLogEntry({ ...e('notice', 'cmdr', '17'), type: 'incident.notice.sent' })).toMatchObject({ key: 'incident.log.notice', values: { n: 17 } });
    expect(formatLogEntry({ ...e('muster_100'), type: 'muster.changed' }).key).toBe('incident.log.muster_100');
  });
  it('gives each line its own id, also when one event logs two milestones', () => {
    const lines = logLines([{ ...e('muster_90', 'system', undefined, 7), type: 'muster.changed' }, { ...e('muster_100', 'system', undefined, 7), type: 'muster.changed' }]);
    expect(new Set(lines.map((l) => l.id)).size).toBe(2);
  });
  it('lists newest first, bounded', () => {
    const lines = logLines([e('open', 'system', undefined, 1), e('step', 'a', 'x done', 2), e('zones', 'system', undefined, 3)], 2);
    expect(lines.map((l) => l.seq)).toEqual([3, 2]);
    expect(logLines(undefined)).toEqual([]);
  });
});
