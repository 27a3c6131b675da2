import { describe, expect, it } from 'vitest';
import type { Priority } from '../../../shared/alarm/model';
import { alarm } from '../testing/alarmFixtures';
import { summarize } from './alarmView';
import { Annunciator, type AudioStatus, type TonePlayer } from './Annunciator';

class RecordingPlayer implements TonePlayer {
  audio: AudioStatus = 'running';
  playing: Priority | null = null;
  played: (Priority | null)[] = [];
  private listener: () => void = () => undefined;
  status(): AudioStatus {
    return this.audio;
  }
  async resume(): Promise<void> {
    if (this.audio === 'suspended') this.audio = 'running';
    this.listener();
  }
  play(p: Priority | null): void {
    if (p !== this.playing) this.played.push(p);
    this.playing = p;
  }
  onStatus(fn: () => void): void {
    this.listener = fn;
  }
  dispose(): void {}
}

function feed(a: Annunciator, recs: Parameters<typeof summarize>[0]): void {
  const s = summarize(recs);
  a.update(s.rows, s.attentionPriority);
}

describe('Annunciator', () => {
  it('sounds the highest priority that needs attention, and stops when all are acknowledged', () => {
    const p = new RecordingPlayer();
    const a = new Annunciator(p);
    feed(a, { 'A:H': alarm('A:H', 3), 'B:HH': alarm('B:HH', 2) });
    expect(a.state()).toMatchObject({ sounding: 2, pending: 2 });
    feed(a, { 'A:H': alarm('A:H', 3), 'B:HH': alarm('B:HH', 2, {}, { acked: true }), 'C:HH': alarm('C:HH', 1) });
    expect(p.playing).toBe(1);
    feed(a, { 'A:H': alarm('A:H', 3, {}, { acked: true }) });
    expect(a.state().sounding).toBeNull();
    expect(p.played).toEqual([2, 1, null]);
  });

  it('never sounds for shelved, suppressed or out-of-service alarms', () => {
    const p = new RecordingPlayer();
    const a = new Annunciator(p);
    feed(a, {
      'A:HH': alarm('A:HH', 1, {}, { shelved: { until: 9e12, reason: 'test', by: 'x', at: 0 } }),
      'B:HH': alarm('B:HH', 1, {}, { suppressed: true }),
      'C:HH': alarm('C:HH', 1, {}, { outOfService: { reason: 'cal', by: 'x', at: 0 } }),
    });
    expect(a.state()).toMatchObject({ sounding: null, pending: null });
    expect(p.played).toEqual([]);
  });

  it('silence holds until a new alarm arrives or an old one activates again', () => {
    const p = new RecordingPlayer();
    const a = new Annunciator(p);
    const first = { 'A:HH': alarm('A:HH', 2, { activatedAt: 100 }) };
    feed(a, first);
    a.silence();
    expect(a.state()).toMatchObject({ sounding: null, pending: 2, silenced: true });
    feed(a, { 'A:HH': alarm('A:HH', 2, { activatedAt: 100, lastChange: 500 }, { active: false }) });
    expect(a.state().silenced).toBe(true);
    feed(a, { ...first, 'B:H': alarm('B:H', 4, { activatedAt: 200 }) });
    expect(a.state()).toMatchObject({ sounding: 2, silenced: false });
    a.silence();
    feed(a, { 'A:HH': alarm('A:HH', 2, { activatedAt: 900 }), 'B:H': alarm('B:H', 4, { activatedAt: 200 }) });
    expect(a.state()).toMatchObject({ sounding: 2, silenced: false });
  });

  it('mute keeps it quiet whatever arrives; audio that the browser holds suspended sounds nothing until enabled', async () => {
    const p = new RecordingPlayer();
    p.audio = 'suspended';
    const a = new Annunciator(p);
    feed(a, { 'A:HH': alarm('A:HH', 1) });
    expect(a.state()).toMatchObject({ sounding: null, pending: 1, audio: 'suspended' });
    await a.enableAudio();
    expect(a.state()).toMatchObject({ sounding: 1, audio: 'running' });
    a.setMuted(true);
    feed(a, { 'A:HH': alarm('A:HH', 1), 'B:HH': alarm('B:HH', 1, { activatedAt: 5000 }) });
    expect(a.state()).toMatchObject({ sounding: null, muted: true });
    a.setMuted(false);
    expect(a.state().sounding).toBe(1);
  });
});
