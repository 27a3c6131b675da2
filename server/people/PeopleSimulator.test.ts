import { beforeAll, describe, expect, it } from 'vitest';
import { compilePeopleGeometry, type PeopleGeometry } from '../../shared/people/compileZones';
import { localDay } from '../../shared/people/dates';
import { GeofenceEngine } from '../../shared/people/GeofenceEngine';
import type { Plant } from '../../shared/plant/schema';
import { loadPlant, type LoadedPlant } from '../plant/loadPlant';
import { REFERENCE_PLANT_DIR } from '../plant/testing/plantPaths';
import { InjectionError } from '../sim/types';
import { PeopleRegistry } from './PeopleRegistry';
import { PeopleSimulator } from './PeopleSimulator';

const TZ = 8 * 3_600_000;
/** 19:00 local: the day shift hands over to the night shift at 20:00. */
const START = Date.UTC(2026, 5, 2, 11, 0, 0);

let loaded: LoadedPlant;
let plant: Plant;
let geo: PeopleGeometry;
beforeAll(async () => {
  loaded = await loadPlant(REFERENCE_PLANT_DIR);
  plant = loaded.plant;
  geo = compilePeopleGeometry(plant, plant.peopleZones!);
});

function setup(seed = 1) {
  const reg = PeopleRegistry.open(null, loaded.people, localDay(START, TZ));
  const sim = new PeopleSimulator(plant, geo, reg, { seed, startTime: START, tzOffsetMs: TZ });
  const eng = new GeofenceEngine(geo, reg.size);
  eng.resize(reg.size);
  const today = localDay(START, TZ);
  for (let p = 0; p < reg.size; p++) geo.zones.forEach((z, k) => eng.setAuthorised(p, k, reg.authorised(p, z, today)));
  return { reg, sim, eng };
}

describe('PeopleSimulator on the reference plant', () => {
  it('walks the shift change through the gates at walking speed, keeps out of zones people may not enter, and raises no alarm on its own', () => {
    const { reg, sim, eng } = setup();
    const gates = plant.roads.gates.map((g) => plant.roads.nodes.find((n) => n.id === g.node)!.position);
    const last = new Map<number, [number, number, number]>();
    let fastest = 0;
    let exits = 0;
    let arrivals = 0;
    let lowest = 100;
    let anySos = false;
    const onSiteAt: Record<string, number> = {};
    const [W, H] = plant.meta.extent;
    for (let t = START; t <= START + 2 * 3_600_000; t += 1000) {
      sim.advance(t, (p, ft, x, y, z, floor, battery, sos) => {
        const prev = last.get(p);
        const outside = x < 0 || y < 0 || x > W || y > H;
        if (outside) {
          exits++;
          // The last fix on site was at a gate (2 m inside it, at most one step short of it).
          expect(prev).toBeDefined();
          expect(Math.min(...gates.map((g) => Math.hypot(g[0] - prev![1], g[1] - prev![2])))).toBeLessThan(4);
        } else if (!prev || !eng.onSite(p)) {
          if (t > START + 2000) {
            arrivals++;
            expect(Math.min(...gates.map((g) => Math.hypot(g[0] - x, g[1] - y)))).toBeLessThan(3);
          }
        } else if (floor === 0 && eng.floor[p] === 0) {
          fastest = Math.max(fastest, Math.hypot(x - prev[1], y - prev[2]) / ((ft - prev[0]) / 1000));
        }
        last.set(p, [ft, x, y]);
        lowest = Math.min(lowest, battery);
        anySos ||= sos;
        eng.ingest(p, ft, x, y, z, floor, battery, sos);
      });
      eng.sweep(t);
      if ((t - START) % 1_800_000 === 0) onSiteAt[new Date(t + TZ).toISOString().slice(11, 16)] = [...eng.areaCounts].reduce((a, b) => a + b, 0);
    }
    // Walkers do at most 1.45 m/s; a worker shifting to the far side of the work point moves up
    // to 2.8 m between two fixes; plus fix noise.
    expect(fastest).toBeLessThan(4.5);
    expect(lowest).toBeGreaterThan(20);
    expect(anySos).toBe(false);
    expect(exits).toBeGreaterThanOrEqual(40);
    expect(arrivals).toBeGreaterThan(30);
    // Day team and the round-the-clock teams; both operations teams during the handover; then the night.
    expect(onSiteAt['19:30'], JSON.stringify(onSiteAt)).toBeGreaterThanOrEqual(60);
    expect(onSiteAt['20:00'], JSON.stringify(onSiteAt)).toBeGreaterThanOrEqual(100);
    expect(onSiteAt['21:00']).toBeGreaterThanOrEqual(55);
    expect(onSiteAt['21:00']).toBeLessThanOrEqual(75);
    const alarms = eng.changes.filter((c) => c.type !== 'zone' && c.kind !== 'CROWDING');
    expect(alarms).toEqual([]);
    expect(eng.changes.filter((c) => c.type === 'zone' && (!c.authorised || geo.zones[c.zone]!.kind === 'confined'))).toEqual([]);
    expect(eng.changes.filter((c) => c.type === 'zone').length).toBeGreaterThan(20);
    expect(reg.size).toBe(loaded.people!.people.length);
  });

  it('is deterministic for a seed and a sequence of advance times', () => {
    const run = (seed: number): string[] => {
      const { sim } = setup(seed);
      const out: string[] = [];
      for (let t = START; t < START + 120_000; t += 100) sim.advance(t, (p, ft, x, y) => out.push(`${p}@${ft}:${x.toFixed(3)},${y.toFixed(3)}`));
      return out;
    };
    const a = run(3);
    expect(a.length).toBeGreaterThan(100 * 60);
    expect(run(3)).toEqual(a);
    expect(run(4)).not.toEqual(a);
  });

  it('person_down freezes a person on site; person_move teleports them and holds them there; both end on clear', () => {
    const { reg, sim } = setup();
    const seen = new Map<number, [number, number, boolean]>();
    const emit = (p: number, _t: number, x: number, y: number, _z: number, _f: number, _b: number, sos: boolean): void => {
      seen.set(p, [x, y, sos]);
    };
    sim.advance(START + 2000, emit);
    const someone = [...seen.keys()].find((p) => reg.people[p]!.role === 'operator')!;
    const id = reg.people[someone]!.id;
    sim.inject({ kind: 'person_down', person: id, sos: true }, START + 2000, 'inj-1');
    const xs: number[] = [];
    for (let t = START + 3000; t < START + 60_000; t += 1000) {
      sim.advance(t, emit);
      xs.push(seen.get(someone)![0]);
      expect(seen.get(someone)![2]).toBe(true);
    }
    // Frozen: only fix noise moves the badge.
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(1.5);
    sim.inject({ kind: 'person_move', person: id, to: [770, 330, 0], floor: 0, mode: 'teleport' }, START + 60_000, 'inj-2');
    expect(sim.expire(START + 60_000)).toEqual(['inj-1']);
    sim.advance(START + 62_000, emit);
    expect(Math.hypot(seen.get(someone)![0] - 770, seen.get(someone)![1] - 330)).toBeLessThan(2);
    expect(sim.clear('inj-2')).toEqual(['inj-2']);
    expect(() => sim.inject({ kind: 'person_down', person: 'P-NOPE', sos: false }, START, 'x')).toThrow(InjectionError);
  });
});
