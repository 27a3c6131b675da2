import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alarmSettingsSchema, type AlarmSettings } from '../plant/alarmConfig';
import { alarmPriority, fallbackPriority } from './priority';

const reference = alarmSettingsSchema.parse(JSON.parse(readFileSync(path.join(__dirname, '../../resources/plants/reference/alarm-settings.json'), 'utf8')));

describe('alarmPriority', () => {
  it('prefers the measurement row, then the default row', () => {
    expect(alarmPriority(reference, 'gas_combustible', 'HH')).toBe(1);
    expect(alarmPriority(reference, 'gas_toxic', 'H')).toBe(2);
    expect(alarmPriority(reference, 'pressure', 'HH')).toBe(2);
    expect(alarmPriority(reference, 'pressure', 'H')).toBe(3);
    expect(alarmPriority(reference, 'vibration', 'H')).toBe(4);
    expect(alarmPriority(reference, 'gas_combustible', 'BAD')).toBe(4);
    expect(alarmPriority(reference, null, 'TRIP')).toBe(1);
  });

  it('falls back when neither row names the kind', () => {
    const bare: AlarmSettings = { ...reference, priorities: { default: { H: 4 }, byKind: { level: { HH: 1 } }, source: 'test only' } };
    expect(alarmPriority(bare, 'level', 'HH')).toBe(1);
    expect(alarmPriority(bare, 'level', 'H')).toBe(4);
    expect(alarmPriority(bare, 'flow', 'HH')).toBe(fallbackPriority.HH);
    expect(alarmPriority(bare, null, 'CONFIRMED')).toBe(1);
  });
});
