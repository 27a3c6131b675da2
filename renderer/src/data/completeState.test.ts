import { describe, expect, it } from 'vitest';
import { initialState, type CommandState } from '../../../shared/state/reducer';
import { alarm } from '../testing/alarmFixtures';
import { cacheableState, completeState, MAX_CACHED_ALARMS } from './completeState';

describe('cached command state', () => {
  it('fills maps that an older state lacks', () => {
    const old = { ...initialState() } as Partial<CommandState>;
    delete old.alarms;
    delete old.flood;
    delete old.notifications;
    const s = completeState(old as CommandState);
    expect(s.alarms).toEqual({});
    expect(s.flood.flooding).toBe(false);
    expect(s.notifications).toEqual([]);
  });

  it('keeps every alarm of a normal state, and only the most important of a flood', () => {
    const small = { ...initialState(), alarms: { 'A:H': alarm('A:H', 3) } };
    expect(cacheableState(small)).toBe(small);
    const alarms: CommandState['alarms'] = {};
    for (let i = 0; i < MAX_CACHED_ALARMS + 500; i++) alarms[`T${i}:BAD`] = alarm(`T${i}:BAD`, 4, { activatedAt: i });
    alarms['R:HH'] = alarm('R:HH', 1, { activatedAt: 0 });
    const kept = cacheableState({ ...initialState(), alarms }).alarms;
    expect(Object.keys(kept)).toHaveLength(MAX_CACHED_ALARMS);
    expect(kept['R:HH']).toBeDefined();
    expect(kept[`T${MAX_CACHED_ALARMS + 499}:BAD`]).toBeDefined();
    expect(kept['T0:BAD']).toBeUndefined();
  });
});
