import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../../shared/state/events';
import { buildMarkers, nextMarker, previousMarker, thinMarkers } from './markers';

let seq = 0;
function ev(type: string, payload: unknown, actor = 'system', time?: number): JournalEvent {
  seq += 1;
  return { seq, time: time ?? seq * 1000, actor, type, payload } as unknown as JournalEvent;
}
const alarm = (id: string) => ({ id, priority: 'high' });
const incident = { id: 'INC-1', level: 'III' };

describe('timeline markers', () => {
  it('marks alarms, trips, incidents, drills and operator actions with their actor', () => {
    seq = 0;
    const events = [
      ev('tag.band.changed', { tag: 'T1' }),
      ev('alarm.changed', { alarm: alarm('A1'), cause: 'activate' }),
      ev('alarm.changed', { alarm: alarm('A1'), cause: 'ack' }, 'op1'),
      ev('alarm.changed', { alarm: alarm('A1'), cause: 'clear' }),
      ev('interlock.tripped', { interlockId: 'SIS-1', equipment: 'R-1', area: 'a', tag: 't', value: 1 }),
      ev('incident.changed', { incident, action: 'open' }),
      ev('incident.changed', { incident, action: 'step' }, 'cmdr'),
      ev('incident.changed', { incident, action: 'step_late' }, 'cmdr'),
      ev('dispatch.changed', { dispatch: { id: 'DSP-1', unit: 'fire-1' } }, 'cmdr'),
      ev('dispatch.changed', { dispatch: { id: 'DSP-1', unit: 'fire-1' } }, 'system'),
      ev('drill.changed', { drill: { id: 'DR-1' }, action: 'start' }, 'coord'),
      ev('drill.changed', { drill: { id: 'DR-1' }, action: 'step' }, 'system'),
    ];
    const m = buildMarkers(events);
    expect(m.map((x) => `${x.kind}:${x.what.key}:${x.actor}`)).toEqual([
      'alarm:alarm:system',
      'action:alarm_ack:op1',
      'trip:trip:system',
      'incident:incident:system',
      'action:incident_action:cmdr',
      'incident:incident:cmdr',
      'action:dispatch:cmdr',
      'drill:drill:coord',
    ]);
    expect(m[1]!.what.values.id).toBe('A1');
    expect(m[0]!.seq).toBe(2);
  });

  it('thins alarm activations but keeps every action', () => {
    seq = 0;
    const events: JournalEvent[] = [];
    for (let i = 0; i < 100; i++) events.push(ev('alarm.changed', { alarm: alarm(`A${i}`), cause: 'activate' }));
    events.push(ev('alarm.changed', { alarm: alarm('A5'), cause: 'shelve' }, 'op2'));
    const thin = thinMarkers(buildMarkers(events), 11);
    expect(thin).toHaveLength(11);
    expect(thin.filter((x) => x.kind === 'action')).toHaveLength(1);
    expect(thin.map((x) => x.seq)).toEqual([...thin.map((x) => x.seq)].sort((a, b) => a - b));
  });

  it('finds the previous and next marker around an instant', () => {
    seq = 0;
    const m = buildMarkers([
      ev('alarm.changed', { alarm: alarm('A'), cause: 'activate' }, 'system', 10_000),
      ev('alarm.changed', { alarm: alarm('B'), cause: 'activate' }, 'system', 20_000),
      ev('alarm.changed', { alarm: alarm('C'), cause: 'activate' }, 'system', 30_000),
    ]);
    expect(previousMarker(m, 20_000)?.time).toBe(10_000);
    expect(nextMarker(m, 20_000)?.time).toBe(30_000);
    expect(nextMarker(m, 30_000)).toBeNull();
    expect(previousMarker(m, 10_000)).toBeNull();
    expect(previousMarker(m, 20_200)?.time).toBe(10_000);
  });
});
