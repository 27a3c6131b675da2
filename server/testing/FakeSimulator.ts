import { Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import type { Injection } from '../../shared/protocol/injection';
import { InjectionError, type PlantSimulator, type SampleBatch } from '../sim/types';

/**
 * A predictable PlantSimulator for unit tests: every tag reads `base` (10) each period; a gas
 * release adds 60 to every gas detector; a detector failure makes its tag bad. Records calls.
 */
export class FakeSimulator implements PlantSimulator {
  readonly calls: string[] = [];
  private readonly injections = new Map<string, { injection: Injection; until: number | null }>();
  private readonly values: Float64Array;
  private readonly quality: Uint8Array;
  private readonly times: Float64Array;
  private readonly due: Float64Array;
  private readonly batch: SampleBatch;
  private counter = 0;
  base = 10;

  constructor(
    private readonly plant: Plant,
    startTime: number,
  ) {
    const n = plant.tags.length;
    this.values = new Float64Array(n).fill(this.base);
    this.quality = new Uint8Array(n);
    this.times = new Float64Array(n).fill(startTime);
    this.due = new Float64Array(n).fill(startTime);
    this.batch = { count: 0, ids: new Uint32Array(n), values: new Float64Array(n), times: new Float64Array(n), quality: new Uint8Array(n) };
  }

  tick(now: number): SampleBatch {
    const b = this.batch;
    b.count = 0;
    this.plant.tags.forEach((tag, i) => {
      if (now < this.due[i]!) return;
      this.due[i] = now + tag.periodMs;
      let v = this.base;
      let q: number = Quality.Good;
      for (const { injection } of this.injections.values()) {
        if (injection.kind === 'gas_release' && tag.kind.startsWith('gas_')) v += 60;
        if (injection.kind === 'detector_failure' && injection.tag === tag.id) q = Quality.Bad;
      }
      this.values[i] = v;
      this.quality[i] = q;
      this.times[i] = now;
      b.ids[b.count] = i;
      b.values[b.count] = v;
      b.times[b.count] = now;
      b.quality[b.count] = q;
      b.count++;
    });
    return b;
  }

  inject(injection: Injection, now: number, id?: string): string {
    this.calls.push(`inject ${injection.kind} ${id ?? ''}`);
    if (injection.kind === 'detector_failure' && !this.plant.tags.some((t) => t.id === injection.tag)) {
      throw new InjectionError(`unknown tag ${injection.tag}`);
    }
    if (injection.kind === 'overpressure' && !this.plant.equipment.some((e) => e.id === injection.equipment)) {
      throw new InjectionError(`unknown equipment ${injection.equipment}`);
    }
    const key = id ?? `fake-${++this.counter}`;
    this.injections.set(key, { injection, until: injection.durationS ? now + injection.durationS * 1000 : null });
    return key;
  }

  clear(id?: string): string[] {
    this.calls.push(`clear ${id ?? '*'}`);
    const ids = id === undefined ? [...this.injections.keys()] : this.injections.has(id) ? [id] : [];
    for (const k of ids) this.injections.delete(k);
    return ids;
  }

  expire(now: number): string[] {
    const ids = [...this.injections].filter(([, v]) => v.until !== null && v.until <= now).map(([k]) => k);
    for (const k of ids) this.injections.delete(k);
    return ids;
  }

  activeIds(): string[] {
    return [...this.injections.keys()];
  }

  latest(): { values: Float64Array; quality: Uint8Array; times: Float64Array } {
    return { values: this.values, quality: this.quality, times: this.times };
  }

  restore(values: Float64Array, quality: Uint8Array, times: Float64Array): void {
    this.calls.push('restore');
    this.values.set(values);
    this.quality.set(quality);
    this.times.set(times);
  }
}
