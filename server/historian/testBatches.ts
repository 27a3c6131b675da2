import type { SampleBatch } from '../sim/types';

/** A SampleBatch of one sample per listed tag, all at time `t` (for historian tests). */
export function batchOf(t: number, samples: readonly { tag: number; value: number; quality?: number }[]): SampleBatch {
  const n = samples.length;
  const b: SampleBatch = { count: n, ids: new Uint32Array(n), values: new Float64Array(n), times: new Float64Array(n), quality: new Uint8Array(n) };
  samples.forEach((s, j) => {
    b.ids[j] = s.tag;
    b.values[j] = s.value;
    b.times[j] = t;
    b.quality[j] = s.quality ?? 0;
  });
  return b;
}

/** Test tags with a 0…100 range. */
export function testTags(n: number): { id: string; range: { lo: number; hi: number } }[] {
  return Array.from({ length: n }, (_, i) => ({ id: `T-${i}`, range: { lo: 0, hi: 100 } }));
}
