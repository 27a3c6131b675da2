import { initialState, reduceAll, type CommandState } from '../../shared/state/reducer';
import type { JournalRepo, SnapshotRepo } from '../store/types';

/**
 * Where to stop: every event with time ≤ `at` and seq ≤ `seq` (either may be left out; at least
 * one should be given). Several events can share one millisecond (a batch is appended at one
 * time), so `at` alone always includes the whole batch; `seq` pins an exact event.
 */
export interface StateAtQuery {
  at?: number;
  seq?: number;
}

export interface StateAt {
  /** Seq of the last event applied (0: none). */
  seq: number;
  /** Time of the last event applied (0: none). */
  time: number;
  state: CommandState;
}

/** Thrown when the journal no longer holds the events that instant needs and no snapshot covers it. */
export class StateNotAvailableError extends Error {}

const PAGE = 1000;

/**
 * The reducer state at an instant: the newest stored snapshot at or before it, plus the
 * journal events after that snapshot up to the instant, reduced with the shared `reduceAll`
 * (the same code the live engine runs, so the result equals what the live reducer held).
 * Without a usable snapshot it starts from `initialState()` and the whole journal.
 */
export function stateAt(repos: { journal: JournalRepo; snapshots: SnapshotRepo }, q: StateAtQuery): StateAt {
  const maxSeq = q.seq ?? Number.MAX_SAFE_INTEGER;
  const maxTime = q.at ?? Number.MAX_SAFE_INTEGER;
  const snap = repos.snapshots.atOrBefore(maxSeq, maxTime);
  let state = snap ? snap.state : initialState();
  if (!snap) {
    const first = repos.journal.firstSeq();
    if (first !== null && first !== 1) throw new StateNotAvailableError(`the journal starts at seq ${first} and no snapshot covers that instant`);
  }
  for (;;) {
    const page = repos.journal.after(state.seq, PAGE);
    if (page.length === 0) break;
    let n = 0;
    while (n < page.length && page[n]!.seq <= maxSeq && page[n]!.time <= maxTime) n++;
    if (n > 0) {
      if (page[0]!.seq !== state.seq + 1) throw new StateNotAvailableError(`the journal has a gap after seq ${state.seq}`);
      state = reduceAll(state, n === page.length ? page : page.slice(0, n));
    }
    if (n < page.length) break;
  }
  return { seq: state.seq, time: state.time, state };
}
