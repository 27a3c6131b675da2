import type { Plant } from '../../../shared/plant/schema';
import type { PlantSimulator } from '../types';

/** One tag's samples from a run, in time order. */
export interface Series {
  t: number[];
  v: number[];
  q: number[];
}

/**
 * Ticks a simulator from `from` to `to` (ms, inclusive) every `stepMs` and collects the samples
 * of the named tags (all tags when `ids` is omitted), calling `each` after every tick.
 */
export function collect(
  plant: Plant,
  sim: PlantSimulator,
  from: number,
  to: number,
  opts: { stepMs?: number; ids?: readonly string[]; each?: (now: number) => void } = {},
): Map<string, Series> {
  const want = new Set(opts.ids ?? plant.tags.map((t) => t.id));
  const out = new Map<string, Series>();
  const byIndex = plant.tags.map((t) => (want.has(t.id) ? t.id : null));
  for (const id of want) out.set(id, { t: [], v: [], q: [] });
  const step = opts.stepMs ?? 1000;
  for (let now = from; now <= to; now += step) {
    const b = sim.tick(now);
    for (let k = 0; k < b.count; k++) {
      const id = byIndex[b.ids[k] as number];
      if (id === null || id === undefined) continue;
      const s = out.get(id) as Series;
      s.t.push(b.times[k] as number);
      s.v.push(b.values[k] as number);
      s.q.push(b.quality[k] as number);
    }
    opts.each?.(now);
  }
  return out;
}

export function series(m: Map<string, Series>, id: string): Series {
  const s = m.get(id);
  if (!s) throw new Error(`no series for ${id}`);
  return s;
}

export const mean = (a: readonly number[]): number => a.reduce((s, x) => s + x, 0) / a.length;

export function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}
