import { randomUUID } from 'node:crypto';
import type { EmergencyResourcesFile } from '../../shared/incident/resources';
import type { PeopleFile } from '../../shared/people/registry';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { miniPlant, startHarness, TestConsole, type Harness } from './harness';

/**
 * The mini plant with emergency resources and a small registry, on a manual clock, for the
 * threat-zone, muster and dispatch integration tests (docs/incidents.md). The chlorine release
 * is modelled at (150, 60) in the reactor area; with the wind from the west the plume runs east,
 * clear of the roads along y = 5 and x = 100.
 */
export const T0 = Date.UTC(2026, 5, 1, 2, 0, 0); // 10:00 in Shanghai
export const SOURCE: [number, number, number] = [150, 60, 1];

const q = (person: string, expires: string | null, type = 'TR-BA'): PeopleFile['qualifications'][number] => ({ person, type, issued: '2025-01-01', expires, passed: true });
const person = (id: string, en: string): PeopleFile['people'][number] => ({ id, name: { zh: en, en }, role: 'operator', team: 'T1', badge: `B-${id}`, areas: [] });

export const people: PeopleFile = {
  version: 1,
  rebaseDates: false,
  qualificationTypes: [{ id: 'TR-BA', kind: 'training', name: { zh: '正压式空气呼吸器使用培训', en: 'Self-contained breathing apparatus course' } }],
  teams: [{ id: 'T1', name: { zh: '一班', en: 'Crew 1' }, schedule: 'always' }],
  people: [
    person('P-R1', 'In the plume 1'),
    person('P-R2', 'In the plume 2'),
    person('P-OUT', 'Crosswind'),
    person('P-W1', 'West 1'),
    person('P-W2', 'West 2'),
    person('P-W3', 'West 3 (lapsed)'),
    person('P-E1', 'East 1'),
    person('P-E2', 'East 2'),
    person('P-L1', 'Lapsed 1'),
    person('P-L2', 'Never trained'),
  ],
  qualifications: [q('P-W1', '2030-01-01'), q('P-W2', '2030-01-01'), q('P-W3', '2026-03-01'), q('P-E1', '2030-01-01'), q('P-E2', '2030-01-01'), q('P-L1', '2026-02-01')],
};

/** Where each person is placed (teleported and held) before the incident. */
export const placements: Record<string, [number, number]> = {
  'P-R1': [170, 60],
  'P-R2': [190, 62],
  'P-OUT': [150, 95],
  'P-W1': [20, 80],
  'P-W2': [22, 80],
  'P-W3': [24, 80],
  'P-E1': [120, 90],
  'P-E2': [122, 90],
  'P-L1': [30, 40],
  'P-L2': [32, 40],
};

export const resources: EmergencyResourcesFile = {
  version: 1,
  teams: [
    { id: 'TEAM-WEST', name: { zh: '西队', en: 'West team' }, kind: 'hazmat', members: ['P-W1', 'P-W2', 'P-W3'], base: [20, 10, 0], requires: ['TR-BA'] },
    { id: 'TEAM-EAST', name: { zh: '东队', en: 'East team' }, kind: 'hazmat', members: ['P-E1', 'P-E2'], base: [195, 95, 0], requires: ['TR-BA'] },
    { id: 'TEAM-LAPSED', name: { zh: '证书过期队', en: 'Lapsed team' }, kind: 'hazmat', members: ['P-L1', 'P-L2'], base: [90, 8, 0], requires: ['TR-BA'] },
  ],
  vehicles: [],
  stockPoints: [
    { id: 'SP-1', name: { zh: '1 号应急柜', en: 'Cabinet 1' }, position: [25, 8, 0], items: [{ kind: 'scba', quantity: 4, minQuantity: 2, expires: '2030-01-01' }, { kind: 'leak_kit', quantity: 2, minQuantity: 2 }] },
    { id: 'SP-2', name: { zh: '2 号应急柜', en: 'Cabinet 2' }, position: [180, 8, 0], items: [{ kind: 'scba', quantity: 5, minQuantity: 2, expires: '2025-01-01' }] },
  ],
  needs: { toxic_release: { teams: ['hazmat'], materials: ['scba', 'leak_kit'], requires: [] } },
  walkMS: 1.4,
  roadKmh: 20,
  expiryWarnDays: 30,
  source: 'integration test fixture',
};

export interface ThreatHarness extends Harness {
  clock: ManualClock;
  command<T = unknown>(name: string, payload: unknown): Promise<Ack<T>>;
  /** Advances the clock by `ms` in steps of `stepMs`, running a tick after each. */
  advance(ms: number, stepMs?: number): Promise<void>;
  events(type: string): JournalEvent[];
  /** Opens the chlorine incident (incident.open) and returns its id. */
  openChlorine(rateKgS?: number): Promise<string>;
}

export async function startThreatHarness(): Promise<ThreatHarness> {
  const clock = new ManualClock(T0);
  const mini = await miniPlant();
  const h = await startHarness({ plant: { ...mini, plant: { ...mini.plant, emergencyResources: resources }, people }, clock, people: { source: 'simulator', positions: false } });
  const events: JournalEvent[] = [];
  h.server.ctx.engine.onEvent((e) => events.push(e));
  // Commands go over a real socket, as a console sends them (admin: every command is allowed).
  const sock = new TestConsole(h.server.url);
  await sock.connected();
  const hello = await sock.hello(h.adminToken);
  if (!hello.ok) throw new Error(`hello: ${hello.message}`);
  const command = <T>(name: string, payload: unknown): Promise<Ack<T>> => sock.request<T>('command', { id: randomUUID(), name, payload });
  const th: ThreatHarness = {
    ...h,
    clock,
    command,
    advance: async (ms, stepMs = 1000) => {
      for (let t = 0; t < ms; t += stepMs) {
        clock.advance(Math.min(stepMs, ms - t));
        h.server.ctx.runtime.tick();
        await new Promise((r) => setImmediate(r));
      }
    },
    events: (type) => events.filter((e) => e.type === type),
    stop: async () => {
      sock.close();
      await h.stop();
    },
    openChlorine: async (rateKgS = 0.5) => {
      const ack = await command<{ incidentId?: string; id?: string }>('incident.open', { type: 'toxic_release', title: 'Chlorine release at V-1', position: SOURCE, chemical: 'chlorine', rateKgS, heightM: 1 });
      if (!ack.ok) throw new Error(`incident.open: ${ack.code} ${ack.message}`);
      const ids = Object.keys(h.server.ctx.engine.state.emergency.incidents);
      return ack.data.incidentId ?? ack.data.id ?? ids[ids.length - 1]!;
    },
  };
  // Everyone where the tests expect them, held there.
  for (const [id, [x, y]] of Object.entries(placements)) {
    const r = await command('sim.inject', { kind: 'person_move', person: id, to: [x, y, 0], mode: 'teleport' });
    if (!r.ok) throw new Error(`placing ${id}: ${r.message}`);
  }
  h.server.emergency.service.setWindOverride({ speedMS: 3, fromDeg: 270 });
  await th.advance(3000);
  return th;
}
