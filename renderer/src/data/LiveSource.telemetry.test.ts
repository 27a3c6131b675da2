import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameFlags } from '../../../shared/protocol/frame';
import { harness, live } from '../testing/liveHarness';
import { telemetryConflation } from './telemetryConflation';

function frame(seq: number, flags = 0, conflation?: { samples: number; frames: number }): ArrayBuffer {
  const cols = { ids: Uint32Array.of(0, 1), values: Float64Array.of(1, 2), times: Float64Array.of(1000, 1000), quality: Uint8Array.of(0, 0) };
  return encodeFrame(cols, 2, seq, flags, conflation);
}

describe('LiveSource, telemetry lane', () => {
  it('acknowledges each frame after applying it, and only then', async () => {
    const h = harness();
    const s = await live(h);
    const order: string[] = [];
    const applied = h.frames.length;
    s.fire('frame', frame(1), () => order.push(`ack after ${h.frames.length - applied} applied`));
    expect(order).toEqual(['ack after 1 applied']);
    // A malformed frame is still acknowledged (its credit must come back), never applied.
    s.fire('frame', new Uint8Array([1, 2, 3]), () => order.push('ack bad'));
    expect(order).toEqual(['ack after 1 applied', 'ack bad']);
    expect(h.frames.length - applied).toBe(1);
    // A server that sends no ack callback is fine.
    s.fire('frame', frame(2));
    expect(h.frames.length - applied).toBe(2);
  });

  it('hands conflated frames\' counters to the indicator', async () => {
    const h = harness();
    const s = await live(h);
    const before = telemetryConflation.get().samples;
    s.fire('frame', frame(3, FrameFlags.Conflated, { samples: 4000, frames: 3 }));
    expect(telemetryConflation.get().samples - before).toBe(4000);
    s.fire('frame', frame(4));
    expect(telemetryConflation.get().samples - before).toBe(4000);
  });
});
