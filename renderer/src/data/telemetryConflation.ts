/**
 * What this console lost to telemetry conflation (docs/protocol.md §3.4): when it did not drain
 * its connection, the server held frames back and later sent each tag's latest value in one
 * frame flagged `Conflated`, carrying the cumulative counters of the subscription (bytes
 * 24–31). Those restart at 0 with every subscribe (each reconnect), so this tracker adds up
 * the increases into totals for the whole session. The header's indicator reads it.
 */

/** User Timing measure of one telemetry frame on the main thread: decode + apply (`detail.samples`). */
export const TELEMETRY_MEASURE = 'vigil.telemetry.apply';

export interface ConflationSnapshot {
  /** Samples not delivered one by one, replaced by later latest values, this session. */
  samples: number;
  /** Frames skipped for this console, this session. */
  frames: number;
  /** Epoch ms of the newest conflated frame; 0 = never. */
  lastAt: number;
}

type Listener = (s: ConflationSnapshot) => void;

export class ConflationTracker {
  private snapshot: ConflationSnapshot = { samples: 0, frames: 0, lastAt: 0 };
  private lastSamples = 0;
  private lastFrames = 0;
  private readonly listeners = new Set<Listener>();

  /** A frame's counters; `conflated` when it is flagged so. Cheap when nothing changed. */
  note(conflated: boolean, samples: number, frames: number, now: number): void {
    if (!conflated) return;
    // A smaller counter than last seen means a new subscription that started from 0.
    const dSamples = samples >= this.lastSamples ? samples - this.lastSamples : samples;
    const dFrames = frames >= this.lastFrames ? frames - this.lastFrames : frames;
    this.lastSamples = samples;
    this.lastFrames = frames;
    this.snapshot = { samples: this.snapshot.samples + dSamples, frames: this.snapshot.frames + dFrames, lastAt: now };
    for (const l of this.listeners) l(this.snapshot);
  }

  /** The server restarts its counters on every subscribe: forget the last ones seen. */
  resubscribed(): void {
    this.lastSamples = 0;
    this.lastFrames = 0;
  }

  get(): ConflationSnapshot {
    return this.snapshot;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** The console's one tracker. */
export const telemetryConflation = new ConflationTracker();
