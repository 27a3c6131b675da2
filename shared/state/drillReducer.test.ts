import { describe, expect, it } from 'vitest';
import type { DrillRecord } from '../drill/scenario';
import { journalEventSchema, type JournalEvent } from './events';
import { completeCommandState, DRILL_HISTORY_LIMIT, initialState, reduce, reduceAll, type CommandState } from './reducer';

let seq = 0;
function ev(body: Omit<JournalEvent, 'seq' | 'time' | 'actor'>, actor = 'coord'): JournalEvent {
  seq += 1;
  return journalEventSchema.parse({ seq, time: 1_000 * seq, actor, ...body });
}
function drill(id: string, state: DrillRecord['state']): DrillRecord {
  return { id, scenario: 'toxic-tank-farm', name: { zh: '演练', en: 'Drill' }, state, startedAt: 1000, startedBy: 'coord', startSeq: 1, pausedMs: 0, pausedAt: null, endedAt: state === 'completed' || state === 'stopped' ? 9000 : null, nextStep: 0, announcement: null };
}

describe('reducer: drills', () => {
  it('holds the active drill while running or paused, then files it with its score', () => {
    seq = 0;
    const s = reduceAll(initialState(), [
      ev({ type: 'drill.changed', payload: { drill: drill('DR-1', 'running'), action: 'start' } }),
      ev({ type: 'drill.changed', payload: { drill: drill('DR-1', 'paused'), action: 'pause' } }),
    ]);
    expect(s.drill.active?.state).toBe('paused');
    const done = reduceAll(s, [
      ev({ type: 'drill.changed', payload: { drill: drill('DR-1', 'completed'), action: 'complete' } }),
      ev({ type: 'drill.scored', payload: { drillId: 'DR-1', scenario: 'toxic-tank-farm', score: 75, items: [] } }),
    ]);
    expect(done.drill.active).toBeNull();
    expect(done.drill.recent).toHaveLength(1);
    expect(done.drill.recent[0]?.score?.score).toBe(75);
    expect(s.drill.active?.state).toBe('paused');
  });

  it('keeps the newest drills only, and completes old snapshots', () => {
    seq = 0;
    const events: JournalEvent[] = [];
    for (let i = 0; i < DRILL_HISTORY_LIMIT + 3; i++) events.push(ev({ type: 'drill.changed', payload: { drill: drill(`DR-${i}`, 'stopped'), action: 'stop' } }));
    const s = reduceAll(initialState(), events);
    expect(s.drill.recent).toHaveLength(DRILL_HISTORY_LIMIT);
    expect(s.drill.recent[0]?.drill.id).toBe('DR-3');
    const old = { ...initialState() } as Partial<CommandState>;
    delete old.drill;
    expect(completeCommandState(old as CommandState).drill).toEqual({ active: null, recent: [] });
    seq = 0;
    const after = reduce(old as CommandState, ev({ type: 'drill.changed', payload: { drill: drill('DR-x', 'running'), action: 'start' } }));
    expect(after.drill.active?.id).toBe('DR-x');
  });
});
