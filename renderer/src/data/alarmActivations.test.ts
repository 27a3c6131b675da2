import { describe, expect, it } from 'vitest';
import { alarm, alarmEvent } from '../testing/alarmFixtures';
import { activationsOf } from './alarmActivations';

describe('activationsOf', () => {
  it('keeps annunciated activations and skips acks, hidden alarms and junk', () => {
    const shown = alarm('A:HH', 1, { area: 'RX', lastChange: 5000 });
    const hidden = alarm('B:H', 3, { lastChange: 6000 }, { suppressed: true });
    const events = [
      alarmEvent(1, shown, 'activate'),
      alarmEvent(2, { ...shown, lastChange: 5500 }, 'ack'),
      alarmEvent(3, hidden, 'activate'),
      { type: 'alarm.changed', time: 1, payload: { cause: 'activate', alarm: { id: 'C:H', area: 'X', priority: 9, lifecycle: {} } } },
      null,
      'nonsense',
    ];
    expect(activationsOf(events)).toEqual([{ alarmId: 'A:HH', area: 'RX', priority: 1, time: 5000 }]);
  });
});
