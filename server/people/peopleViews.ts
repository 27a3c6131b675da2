import { PersonFlag } from '../../shared/people/geoChanges';
import { daysLeft, qualificationStatus, type QualificationStatus } from '../../shared/people/qualifications';
import type { Person } from '../../shared/people/registry';
import type { PeopleService } from './PeopleService';

/** A person as `GET /api/v1/people` lists them (docs/protocol.md §4.2). */
export interface PersonView extends Person {
  /** Position in the registry: the `person` column of positions frames. */
  index: number;
  qualifications: {
    type: string;
    number?: string;
    issued: string;
    expires: string | null;
    score?: number;
    passed: boolean;
    status: QualificationStatus;
    daysLeft: number | null;
  }[];
  latest: LatestFix | null;
}

export interface LatestFix {
  t: number;
  x: number;
  y: number;
  z: number;
  floor: number;
  battery: number | null;
  /** Area id, null on the roads or off site. */
  area: string | null;
  onSite: boolean;
  sos: boolean;
  manDown: boolean;
  signalLost: boolean;
  lowBattery: boolean;
  restricted: boolean;
  inConfined: boolean;
  alone: boolean;
  /** Zone ids the person is inside. */
  zones: string[];
}

export function latestFix(s: PeopleService, p: number): LatestFix | null {
  const g = s.geofence;
  const t = g.lastT[p]!;
  if (!Number.isFinite(t)) return null;
  const f = g.flags[p]!;
  const slot = g.area[p]!;
  return {
    t,
    x: g.x[p]!,
    y: g.y[p]!,
    z: g.z[p]!,
    floor: g.floor[p]!,
    battery: g.battery[p] === 255 ? null : g.battery[p]!,
    area: slot >= 0 ? (s.geo.areaIds[slot] ?? null) : null,
    onSite: g.onSite(p),
    sos: (f & PersonFlag.Sos) !== 0,
    manDown: (f & PersonFlag.ManDown) !== 0,
    signalLost: (f & PersonFlag.SignalLost) !== 0,
    lowBattery: (f & PersonFlag.LowBattery) !== 0,
    restricted: (f & PersonFlag.Restricted) !== 0,
    inConfined: (f & PersonFlag.InConfined) !== 0,
    alone: (f & PersonFlag.Alone) !== 0,
    zones: g.zonesOf(p).map((z) => s.geo.zones[z]!.id),
  };
}

export function personView(s: PeopleService, p: number, today: number): PersonView {
  const person = s.registry.people[p]!;
  const window = s.zones.reminderDays;
  return {
    ...person,
    index: p,
    qualifications: s.registry.qualificationsOf(person.id).map((q) => ({ ...q, status: qualificationStatus(q, today, window), daysLeft: daysLeft(q, today) })),
    latest: latestFix(s, p),
  };
}

/** `GET /api/v1/zones`: live occupancy per area, and who is inside each restricted zone and confined space. */
export function zonesView(s: PeopleService, now: number) {
  const g = s.geofence;
  const inside = new Map<number, number[]>();
  for (let p = 0; p < g.count; p++) for (const z of g.zonesOf(p)) inside.set(z, [...(inside.get(z) ?? []), p]);
  const A = s.geo.areaIds.length;
  let onSite = 0;
  for (let i = 0; i <= A; i++) onSite += g.areaCounts[i]!;
  return {
    time: now,
    onSite,
    roads: g.areaCounts[A]!,
    areas: s.geo.areaIds.map((id, i) => ({ id, count: g.areaCounts[i]!, crowdingThreshold: s.geo.rules.crowdMinPeople[i] || null })),
    zones: s.geo.zones.map((z, k) => ({
      id: z.id,
      kind: z.kind,
      name: z.name,
      area: z.area >= 0 ? s.geo.areaIds[z.area]! : null,
      count: g.zoneCounts[k]!,
      unauthorised: g.zoneUnauthorised[k]!,
      maxOccupants: Number.isFinite(z.maxOccupants) ? z.maxOccupants : null,
      people: (inside.get(k) ?? []).map((p) => {
        const entry = s.registry.people[p]!;
        const since = s.d.engine.state.people?.zones[z.id]?.[entry.id]?.since ?? null;
        return { id: entry.id, name: entry.name, role: entry.role, authorised: g.isAuthorised(p, k), since };
      }),
    })),
  };
}
