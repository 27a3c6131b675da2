import { describe, expect, it } from 'vitest';
import { initialState } from '../../shared/state/reducer';
import { openSqliteStore } from './openSqliteStore';

describe('SqliteSnapshots.atOrBefore', () => {
  it('returns the newest snapshot with seq and time both within the bounds', () => {
    const s = openSqliteStore(':memory:');
    expect(s.snapshots.atOrBefore(100, 100)).toBeNull();
    for (const [seq, time] of [[10, 1], [20, 2], [30, 2], [40, 5]] as const) s.snapshots.save({ seq, time, state: { ...initialState(), seq, time } });
    expect(s.snapshots.atOrBefore(1000, 1000)?.seq).toBe(40);
    expect(s.snapshots.atOrBefore(1000, 4)?.seq).toBe(30);
    expect(s.snapshots.atOrBefore(25, 1000)?.seq).toBe(20);
    expect(s.snapshots.atOrBefore(1000, 1)?.state.seq).toBe(10);
    expect(s.snapshots.atOrBefore(9, 1000)).toBeNull();
    expect(s.snapshots.atOrBefore(1000, 0)).toBeNull();
    s.close();
  });
});
