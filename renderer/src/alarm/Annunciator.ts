import type { Priority } from '../../../shared/alarm/model';
import type { AlarmRow } from './alarmView';

/**
 * Audible annunciation (ISA-18.2 / EEMUA 191): while any unacknowledged, annunciated alarm
 * exists the console sounds the pattern of the highest such priority — priority 1 fastest.
 * Shelved, suppressed and out-of-service alarms never sound (they are not `attention` rows).
 * Silence stops the sound until a NEW alarm needs attention (one that was not sounding when
 * silence was pressed, or that activated again since); mute stops it until unmuted. Browsers
 * keep audio suspended until the user acts, so the state says whether audio can play at all.
 */

export type AudioStatus = 'running' | 'suspended' | 'unavailable';

export interface TonePattern {
  freqHz: number;
  wave: OscillatorType;
  /** Beeps per period. */
  beeps: number;
  beepMs: number;
  gapMs: number;
  periodMs: number;
  gain: number;
}

export const tonePatterns: Readonly<Record<Priority, TonePattern>> = Object.freeze({
  1: { freqHz: 1050, wave: 'square', beeps: 3, beepMs: 110, gapMs: 70, periodMs: 900, gain: 0.16 },
  2: { freqHz: 860, wave: 'square', beeps: 2, beepMs: 160, gapMs: 120, periodMs: 1600, gain: 0.13 },
  3: { freqHz: 700, wave: 'triangle', beeps: 1, beepMs: 260, gapMs: 0, periodMs: 2500, gain: 0.14 },
  4: { freqHz: 560, wave: 'sine', beeps: 1, beepMs: 220, gapMs: 0, periodMs: 5000, gain: 0.14 },
});

/** What plays the tones (Web Audio in the console, a recorder in tests). */
export interface TonePlayer {
  status(): AudioStatus;
  /** Asks the browser to start audio; only works inside a user gesture. */
  resume(): Promise<void>;
  /** Plays this priority's pattern over and over; null stops. Repeating the current one is a no-op. */
  play(priority: Priority | null): void;
  /** Called whenever `status()` changes. */
  onStatus(fn: () => void): void;
  dispose(): void;
}

export interface AnnunciationState {
  /** The priority whose pattern is audible now, or null. */
  sounding: Priority | null;
  /** The highest priority needing attention, whether or not it sounds. */
  pending: Priority | null;
  silenced: boolean;
  muted: boolean;
  audio: AudioStatus;
}

export class Annunciator {
  private pending: Priority | null = null;
  private silenced = false;
  private muted = false;
  /** Attention alarms (id → activation time) that were sounding when silence was pressed. */
  private silencedSet = new Map<string, number>();
  private current: AnnunciationState;

  constructor(
    private readonly player: TonePlayer,
    private readonly onChange: (s: AnnunciationState) => void = () => undefined,
  ) {
    this.current = this.compute();
    player.onStatus(() => this.apply());
  }

  state(): AnnunciationState {
    return this.current;
  }

  /** Takes the current rows (alarmView) and the highest attention priority. */
  update(rows: readonly AlarmRow[], attentionPriority: Priority | null): void {
    this.pending = attentionPriority;
    if (attentionPriority === null) {
      this.silenced = false;
      this.silencedSet.clear();
    } else if (this.silenced) {
      for (const r of rows) {
        if (!r.attention) continue;
        const was = this.silencedSet.get(r.alarm.id);
        if (was === undefined || r.time > was) {
          this.silenced = false;
          this.silencedSet.clear();
          break;
        }
      }
    }
    this.lastRows = rows;
    this.apply();
  }

  silence(): void {
    if (this.pending === null) return;
    this.silenced = true;
    this.silencedSet.clear();
    for (const r of this.lastRows) if (r.attention) this.silencedSet.set(r.alarm.id, r.time);
    this.apply();
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.apply();
  }

  async enableAudio(): Promise<void> {
    await this.player.resume();
    this.apply();
  }

  dispose(): void {
    this.player.play(null);
    this.player.dispose();
  }

  private lastRows: readonly AlarmRow[] = [];

  private compute(): AnnunciationState {
    const audio = this.player.status();
    const sounding = this.pending !== null && !this.silenced && !this.muted && audio === 'running' ? this.pending : null;
    return { sounding, pending: this.pending, silenced: this.silenced, muted: this.muted, audio };
  }

  private apply(): void {
    const next = this.compute();
    this.player.play(next.sounding);
    const c = this.current;
    if (c.sounding === next.sounding && c.pending === next.pending && c.silenced === next.silenced && c.muted === next.muted && c.audio === next.audio) return;
    this.current = next;
    this.onChange(next);
  }
}
