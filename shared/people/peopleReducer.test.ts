import { describe, expect, it } from 'vitest';
import type { EventBody, JournalEvent } from '../state/events';
import { initialState, reduceAll, type CommandState } from '../state/reducer';

const T = 1_700_000_000_000;
function events(from: number, bodies: EventBody[]): JournalEvent[] {
  return bodies.map((b, i) => ({ seq: from + i, time: T + i * 1000, actor: 'system', ...b }) as JournalEvent);
}
const zone = (person: string, entered: boolean, authorised = true): EventBody => ({
  type: 'people.zone.changed',
  payload: { zone: 'CS-1', zoneKind: 'confined', person, entered, authorised, area: 'WWT', position: [1, 2, 0], fixTime: T },
});

describe('reducer: people events', () => {
  it('keeps who is inside each zone, drops empty zones, and never mutates the input state', () => {
    const s0 = initialState();
    const s1 = reduceAll(s0, events(1, [zone('P-1', true), zone('P-2', true, false)]));
    expect(s1.people.zones['CS-1']).toEqual({
      'P-1': { since: T, authorised: true, kind: 'confined' },
      'P-2': { since: T + 1000, authorised: false, kind: 'confined' },
    });
    expect(s0.people.zones).toEqual({});
    const s2 = reduceAll(s1, events(3, [zone('P-1', false)]));
    expect(Object.keys(s2.people.zones['CS-1']!)).toEqual(['P-2']);
    expect(Object.keys(s1.people.zones['CS-1']!)).toEqual(['P-1', 'P-2']);
    const s3 = reduceAll(s2, events(4, [zone('P-2', false)]));
    expect(s3.people.zones).toEqual({});
  });

  it('records occupancy, reminders (a later state replaces the earlier) and the registry version', () => {
    const s = reduceAll(
      initialState(),
      events(1, [
        { type: 'people.occupancy.changed', payload: { areas: { RX: 3 }, roads: 2, onSite: 5 } },
        { type: 'people.qualification.reminder', payload: { person: 'P-1', qualification: 'SOC-ELEC', expires: '2026-12-01', daysLeft: 3, state: 'expiring' } },
        { type: 'people.qualification.reminder', payload: { person: 'P-1', qualification: 'SOC-ELEC', expires: '2026-12-01', daysLeft: -1, state: 'expired' } },
        { type: 'people.registry.imported', payload: { format: 'csv', people: 0, qualifications: 4, registryVersion: 2 } },
      ]),
    );
    expect(s.people.occupancy).toEqual({ areas: { RX: 3 }, roads: 2, onSite: 5, time: T });
    expect(s.people.reminders).toEqual({ 'P-1/SOC-ELEC/2026-12-01': { person: 'P-1', qualification: 'SOC-ELEC', expires: '2026-12-01', state: 'expired', time: T + 2000 } });
    expect(s.people.registryVersion).toBe(2);
  });

  it('takes people events onto a snapshot written before the people state existed', () => {
    const { people: _drop, ...old } = initialState();
    const s = reduceAll(old as CommandState, events(1, [zone('P-1', true)]));
    expect(s.people.zones['CS-1']!['P-1']!.authorised).toBe(true);
    expect(s.people.reminders).toEqual({});
  });
});
