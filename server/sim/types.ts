import type { Injection } from '../../shared/protocol/injection';

/**
 * Samples produced by one simulator tick, as parallel columns (only `count` entries are valid).
 * The arrays are owned by the simulator and reused on the next tick: copy what you keep.
 */
export interface SampleBatch {
  count: number;
  /** Tag indices into plant.tags. */
  ids: Uint32Array;
  values: Float64Array;
  /** Sample times, ms since epoch. */
  times: Float64Array;
  /** shared/plant/band Quality codes. */
  quality: Uint8Array;
}

/**
 * The plant simulator: deterministic for a given seed and sequence of `tick` times and
 * injections. It never reads a clock itself.
 */
export interface PlantSimulator {
  /** Advances the model to `now` and returns the samples that fell due (each tag at its period). */
  tick(now: number): SampleBatch;
  /** Starts an injection at `now`; returns its id. Throws InjectionError for unknown equipment, tags or chemicals. */
  inject(injection: Injection, now: number, id?: string): string;
  /** Ends one injection, or all when no id is given; returns the ids ended. */
  clear(id?: string): string[];
  /** Ids of injections whose duration ran out by `now` (they are removed). */
  expire(now: number): string[];
  /** Current value and quality of every tag, by tag index (for snapshots). */
  latest(): { values: Float64Array; quality: Uint8Array; times: Float64Array };
  /** Restores latest values (after a restart) so that values continue rather than jump. */
  restore(values: Float64Array, quality: Uint8Array, times: Float64Array): void;
  /**
   * Safety interlocks (plant.interlocks) the simulator executes. Optional so that stand-in
   * simulators need not model them; a server without them journals no trips.
   */
  interlockStates?(): readonly InterlockState[];
  /** Clears a trip once the trigger is back inside its limit. Throws InterlockError otherwise. */
  resetInterlock?(id: string, now: number): void;
  /** A bypassed interlock does not trip; bypassing does not reset a trip already in force. Throws InterlockError for an unknown id. */
  setInterlockBypass?(id: string, on: boolean): void;
  /** Puts an interlock back as the journal left it (after a restart): tripped since `trippedAt`, bypassed. */
  restoreInterlock?(id: string, state: { tripped: boolean; trippedAt: number | null; bypassed: boolean }): void;
}

/** One interlock as the simulator's SIS sees it. */
export interface InterlockState {
  id: string;
  tripped: boolean;
  /** Time of the sample that tripped it. */
  trippedAt: number | null;
  /** Trigger value that tripped it. */
  tripValue: number | null;
  bypassed: boolean;
  /** The trigger's latest sample (null before the first, or when it is bad). */
  triggerValue: number | null;
  /** The latest trigger sample is at or beyond the trip limit (a reset would be refused). */
  triggerActive: boolean;
}

export type InterlockErrorCode = 'unknown_interlock' | 'not_tripped' | 'trigger_active';

/** An interlock command the simulator refuses; `zh` is the message in Simplified Chinese. */
export class InterlockError extends Error {
  constructor(
    message: string,
    readonly code: InterlockErrorCode,
    readonly zh: string = message,
  ) {
    super(message);
    this.name = 'InterlockError';
  }
}

/** Why an injection was refused; a stable code for API errors and translations. */
export type InjectionErrorCode = 'invalid_injection' | 'unknown_chemical' | 'unknown_equipment' | 'no_pressure_tag' | 'unknown_tag' | 'unknown_area' | 'duplicate_id';

/**
 * An injection the simulator refuses. `message` is English, `zh` the same in Simplified Chinese
 * (both are shown to drill coordinators); `code` says which check failed.
 */
export class InjectionError extends Error {
  constructor(
    message: string,
    readonly code: InjectionErrorCode = 'invalid_injection',
    readonly zh: string = message,
  ) {
    super(message);
    this.name = 'InjectionError';
  }
}
