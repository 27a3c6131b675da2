import { describe, expect, it } from 'vitest';
import { Matrix4, Vector3 } from 'three';
import type { IncidentRecord } from '../../../../shared/incident/model';
import type { DispatchRecord } from '../../../../shared/incident/resources';
import type { IncidentFeed } from '../../incident/incidentFeed';
import { DispatchLayer } from './DispatchLayer';

const dsp = (over: Partial<DispatchRecord> = {}): DispatchRecord => ({
  id: 'DSP-1',
  incidentId: 'INC-1',
  unit: 'TEAM-CL-SQUAD',
  unitKind: 'team',
  need: 'hazmat',
  members: ['P-1', 'P-2'],
  materials: [],
  target: [100, 50, 0],
  route: [
    [0, 0],
    [100, 0],
    [100, 50],
  ],
  routeTimesS: [0, 20, 30],
  departedAt: 10_000,
  etaAt: 40_000,
  arrivedAt: null,
  state: 'en_route',
  reason: { zh: '', en: '' },
  by: 'cmdr',
  ...over,
});

function harness(): { feed: IncidentFeed & { set(d: Record<string, DispatchRecord>): void; close(id: string): void }; clock: { t: number }; tick: () => void; timers: () => number; layer: DispatchLayer; renders: { n: number } } {
  let d: Record<string, DispatchRecord> = {};
  let inc: Record<string, Pick<IncidentRecord, 'state'>> = {};
  const listeners: (() => void)[] = [];
  const feed = {
    zones: () => ({}),
    incidents: () => inc as Record<string, IncidentRecord>,
    dispatches: () => d,
    close(id: string) {
      inc = { ...inc, [id]: { state: 'closed' } };
      listeners.forEach((l) => l());
    },
    subscribe: (fn: () => void) => (listeners.push(fn), () => undefined),
    set(x: Record<string, DispatchRecord>) {
      d = x;
      listeners.forEach((l) => l());
    },
  };
  const clock = { t: 10_000 };
  const fns = new Map<number, () => void>();
  let id = 0;
  const renders = { n: 0 };
  const layer = new DispatchLayer({
    feed,
    now: () => clock.t,
    label: { text: (r, now) => `${r.unit} ${Math.round((r.etaAt - now) / 1000)}` },
    onChange: () => void renders.n++,
    setInterval: (fn) => (fns.set(++id, fn), id),
    clearInterval: (i) => void fns.delete(i as number),
  });
  return { feed, clock, tick: () => fns.forEach((f) => f()), timers: () => fns.size, layer, renders };
}

const unitAt = (layer: DispatchLayer, i: number): [number, number] => {
  const m = new Matrix4();
  layer.units.getMatrixAt(i, m);
  const v = new Vector3().setFromMatrixPosition(m);
  return [v.x, -v.z];
};

describe('DispatchLayer', () => {
  it('keeps its two draw objects and no timer with nothing dispatched', () => {
    const h = harness();
    expect(h.layer.object.children.length).toBe(2);
    expect(h.layer.units.count).toBe(1);
    expect(h.timers()).toBe(0);
  });

  it('moves a unit along its route by the clock while en route, then stops the timer on arrival', () => {
    const h = harness();
    h.feed.set({ 'DSP-1': dsp() });
    expect(h.timers()).toBe(1);
    expect(h.layer.routes.geometry.drawRange.count).toBe(12);
    expect(unitAt(h.layer, 0)).toEqual([0, 0]);
    h.clock.t = 20_000;
    const before = h.renders.n;
    h.tick();
    expect(h.renders.n).toBe(before + 1);
    expect(unitAt(h.layer, 0)).toEqual([50, 0]);
    h.clock.t = 35_000;
    h.tick();
    expect(unitAt(h.layer, 0)).toEqual([100, 25]);
    expect(h.layer.positionOf('DSP-1')).toEqual([100, 25]);
    h.feed.set({ 'DSP-1': dsp({ state: 'arrived', arrivedAt: 40_000 }) });
    expect(h.timers()).toBe(0);
    expect(unitAt(h.layer, 0)).toEqual([100, 50]);
  });

  it('takes cancelled dispatches off the map', () => {
    const h = harness();
    h.feed.set({ a: dsp({ id: 'a' }), b: dsp({ id: 'b', state: 'cancelled' }) });
    expect(h.layer.shown.map((d) => d.id)).toEqual(['a']);
  });

  it('stands a closed incident’s units down: they leave the map with it', () => {
    const h = harness();
    h.feed.set({ a: dsp({ id: 'a', incidentId: 'INC-1' }), b: dsp({ id: 'b', incidentId: 'INC-2', state: 'arrived', arrivedAt: 40_000 }) });
    expect(h.layer.shown.map((d) => d.id)).toEqual(['a', 'b']);
    h.feed.close('INC-2');
    expect(h.layer.shown.map((d) => d.id)).toEqual(['a']);
  });
});
