import { describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/util/clock';
import { openSqliteStore } from '../store/openSqliteStore';
import { CommandEngine } from '../engine/CommandEngine';
import { DrillService } from './DrillService';
import type { ScenarioCatalog } from './ScenarioCatalog';

/** A clock that moves on by 1 ms at every reading, as a busy server's does between two calls. */
class SteppingClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t++;
  }
}

describe('DrillService.start', () => {
  it('journals the start event at the drill record’s own start time, so a replay from startedAt holds the drill', () => {
    const clock = new SteppingClock(Date.UTC(2026, 10, 28, 8));
    const store = openSqliteStore(':memory:');
    const engine = CommandEngine.open(store, clock);
    const scenario = { id: 'mini', name: { zh: '演练', en: 'Drill' }, durationS: 600, timeline: [] };
    const catalog = { get: () => ({ id: 'mini', runnable: true, errors: [], scenario }) } as unknown as ScenarioCatalog;
    const drills = new DrillService({ engine, clock, injections: { inject: () => ({ ok: true }) as never, clear: () => 0 as never }, setWind: () => undefined, catalog, stepLabels: new Map() });
    const ack = drills.start({ scenario: 'mini' }, { name: 'coord', role: 'drill_coordinator' });
    expect(ack.ok).toBe(true);
    const drill = engine.state.drill.active!;
    const start = store.journal.after(0, 10).find((e) => e.type === 'drill.changed')!;
    expect(start.time).toBe(drill.startedAt);
    expect(start.seq).toBe(drill.startSeq);
  });
});
