import { describe, expect, it } from 'vitest';
import { ConflationTracker } from './telemetryConflation';

describe('ConflationTracker', () => {
  it('adds up the increases of the server counters, across a new subscription that restarts them', () => {
    const t = new ConflationTracker();
    const seen: number[] = [];
    t.subscribe((s) => seen.push(s.samples));
    t.note(false, 0, 0, 1);
    expect(t.get()).toEqual({ samples: 0, frames: 0, lastAt: 0 });
    t.note(true, 500, 2, 10);
    t.note(true, 1200, 5, 20);
    expect(t.get()).toEqual({ samples: 1200, frames: 5, lastAt: 20 });
    // Reconnected: the server's counters start again from 0.
    t.resubscribed();
    t.note(true, 300, 1, 30);
    expect(t.get()).toEqual({ samples: 1500, frames: 6, lastAt: 30 });
    // Counters that went down without a resubscribe notice are read as a restart too.
    t.note(true, 100, 1, 40);
    expect(t.get().samples).toBe(1600);
    expect(seen).toEqual([500, 1200, 1500, 1600]);
  });
});
