import type { Priority } from '../../../shared/alarm/model';
import { tonePatterns, type AudioStatus, type TonePlayer } from './Annunciator';

/**
 * Tone patterns through Web Audio. The AudioContext is made at once (so its state can be shown)
 * but browsers keep it suspended until a user gesture calls `resume()`. Each period schedules
 * that period's beeps on the audio clock, so timing holds even when the page's timers lag.
 */
export class WebAudioPlayer implements TonePlayer {
  private readonly ctx: AudioContext | null;
  private priority: Priority | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners: (() => void)[] = [];

  constructor(make: () => AudioContext = () => new AudioContext()) {
    const ctx = tryMake(make);
    this.ctx = ctx;
    if (ctx) ctx.onstatechange = () => this.listeners.forEach((l) => l());
  }

  status(): AudioStatus {
    if (!this.ctx || this.ctx.state === 'closed') return 'unavailable';
    return this.ctx.state === 'running' ? 'running' : 'suspended';
  }

  async resume(): Promise<void> {
    if (!this.ctx) return;
    try {
      await this.ctx.resume();
    } finally {
      this.listeners.forEach((l) => l());
    }
  }

  play(priority: Priority | null): void {
    if (priority === this.priority) return;
    this.priority = priority;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (priority !== null) this.period();
  }

  onStatus(fn: () => void): void {
    this.listeners.push(fn);
  }

  dispose(): void {
    this.play(null);
    this.listeners = [];
    void this.ctx?.close().catch(() => undefined);
  }

  private period = (): void => {
    const p = this.priority;
    const ctx = this.ctx;
    if (p === null || !ctx) return;
    const pat = tonePatterns[p];
    if (ctx.state === 'running') {
      const t0 = ctx.currentTime + 0.02;
      for (let b = 0; b < pat.beeps; b++) this.beep(ctx, t0 + (b * (pat.beepMs + pat.gapMs)) / 1000, pat.beepMs / 1000, pat.freqHz, pat.wave, pat.gain);
    }
    this.timer = setTimeout(this.period, pat.periodMs);
  };

  private beep(ctx: AudioContext, at: number, dur: number, freq: number, wave: OscillatorType, gain: number): void {
    const osc = ctx.createOscillator();
    const g = ctx.createGain();
    osc.type = wave;
    osc.frequency.value = freq;
    // Short ramps: no clicks at the edges of a beep.
    g.gain.setValueAtTime(0, at);
    g.gain.linearRampToValueAtTime(gain, at + 0.01);
    g.gain.setValueAtTime(gain, at + dur - 0.015);
    g.gain.linearRampToValueAtTime(0, at + dur);
    osc.connect(g).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + dur + 0.01);
  }
}

/** No AudioContext where the browser has none (or refuses one): annunciation then says 'unavailable'. */
function tryMake(make: () => AudioContext): AudioContext | null {
  try {
    return make();
  } catch {
    return null;
  }
}
