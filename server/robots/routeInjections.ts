import { robotInjectionKinds, type Injection } from '../../shared/protocol/injection';
import type { PlantSimulator } from '../sim/types';
import type { RobotSimulator } from './RobotSimulator';

type RobotInjection = Extract<Injection, { kind: (typeof robotInjectionKinds)[number] }>;
const isRobotInjection = (i: Injection): i is RobotInjection => (robotInjectionKinds as readonly string[]).includes(i.kind);

/**
 * The simulator as the InjectionService sees it, with robot injections (`hot_spot`,
 * `robot_fault`) handed to the robot simulator: compose it over the people routing
 * (`routeRobotInjections(routeInjections(sim, people), robots)`) so that every kind reaches its
 * simulator through the same inject route and journal events. Clearing and expiry ask both.
 */
export function routeRobotInjections(inner: PlantSimulator, robots: RobotSimulator): PlantSimulator {
  const routed: PlantSimulator = Object.create(inner) as PlantSimulator;
  routed.inject = (injection, now, id) => {
    if (!isRobotInjection(injection)) return inner.inject(injection, now, id);
    return robots.inject(injection, now, id ?? `inj-robot-${now}`);
  };
  routed.clear = (id) => [...inner.clear(id), ...robots.clear(id)];
  routed.expire = (now) => [...inner.expire(now), ...robots.expire(now)];
  return routed;
}
