import { describe, expect, it } from 'vitest';
import type { AlarmSettings, Interlock } from '../plant/alarmConfig';
import type { Tag } from '../plant/schema';
import { configuredAlarms } from './configured';

const settings = {
  measurement: { pressure: { deadbandPct: 2, onDelayS: 15, offDelayS: 15, rocPctPerMin: 15, source: 'test only' } },
  defaultMeasurement: { deadbandPct: 2, onDelayS: 15, offDelayS: 15, source: 'test only' },
  priorities: { default: { HH: 2, H: 3, BAD: 4, CONFIRMED: 1, TRIP: 1, ROC: 3 }, byKind: { gas_combustible: { HH: 1, H: 2 } }, source: 'test only' },
} as unknown as AlarmSettings;

const tag = (id: string, kind: Tag['kind'], limits: Tag['limits'], group?: string): Tag =>
  ({ id, name: { zh: id, en: id }, area: 'TF', equipment: 'TK-1', kind, unit: 'x', range: { lo: 0, hi: 100 }, position: [0, 0, 0], periodMs: 1000, limits, ...(group ? { group } : {}) }) as Tag;

describe('configuredAlarms', () => {
  it('lists limits, ROC, BAD, one CONFIRMED per group and one TRIP per interlock, with priorities', () => {
    const tags = [
      tag('P-1', 'pressure', { hh: 9, h: 8, source: 't' }),
      tag('GD-1', 'gas_combustible', { hh: 50, h: 25, source: 't' }, 'G1'),
      tag('GD-2', 'gas_combustible', { hh: 50, h: 25, source: 't' }, 'G1'),
    ];
    const il = [{ id: 'SIS-1', area: 'RX', equipment: 'R-1' }] as Interlock[];
    const list = configuredAlarms(tags, il, settings);
    expect(list.map((a) => `${a.id}/${a.priority}`)).toEqual([
      'P-1:HH/2',
      'P-1:H/3',
      'P-1:ROC/3',
      'P-1:BAD/4',
      'GD-1:HH/1',
      'GD-1:H/2',
      'GD-1:BAD/4',
      'GD-2:HH/1',
      'GD-2:H/2',
      'GD-2:BAD/4',
      'G1:CONFIRMED/1',
      'SIS-1:TRIP/1',
    ]);
    expect(list.at(-1)).toMatchObject({ area: 'RX', equipment: 'R-1', source: 'SIS-1' });
  });
});
