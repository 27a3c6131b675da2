import { personInjectionKinds, type Injection } from '../../shared/protocol/injection';
import { InjectionError, type PlantSimulator } from '../sim/types';
import type { PeopleSimulator } from './PeopleSimulator';

type PersonInjection = Extract<Injection, { kind: (typeof personInjectionKinds)[number] }>;
const isPersonInjection = (i: Injection): i is PersonInjection => (personInjectionKinds as readonly string[]).includes(i.kind);

/**
 * The plant simulator as the InjectionService sees it, with person injections (`person_down`,
 * `person_move`) handed to the people simulator instead: `POST /api/v1/sim/inject` and the
 * `sim.inject` command reach both with the same journal events. Clearing and expiry ask both.
 * Without a people simulator (RTLS feed) person injections are refused.
 */
export function routeInjections(plantSim: PlantSimulator, people: PeopleSimulator | null): PlantSimulator {
  const routed: PlantSimulator = Object.create(plantSim) as PlantSimulator;
  routed.inject = (injection, now, id) => {
    if (!isPersonInjection(injection)) return plantSim.inject(injection, now, id);
    if (!people) throw new InjectionError('person injections need the people simulator (the server takes positions from the RTLS feed)', 'invalid_injection', '人员注入需要人员仿真（当前位置来自定位系统）');
    return people.inject(injection, now, id ?? `inj-person-${now}`);
  };
  routed.clear = (id) => [...plantSim.clear(id), ...(people?.clear(id) ?? [])];
  routed.expire = (now) => [...plantSim.expire(now), ...(people?.expire(now) ?? [])];
  return routed;
}
