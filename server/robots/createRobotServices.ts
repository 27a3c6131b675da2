import type { FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import { ServerEvents } from '../../shared/protocol/messages';
import type { Plant } from '../../shared/plant/schema';
import type { RobotFinding } from '../../shared/robots/model';
import type { Clock } from '../../shared/util/clock';
import type { ServerContext } from '../context';
import type { CommandHandlers } from '../engine/CommandService';
import type { CommandEngine } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import type { PlantSimulator } from '../sim/types';
import { isCongested } from '../transport/socketCongestion';
import type { LatestValues } from './PlantSensors';
import { RobotService, type RobotsOut } from './RobotService';
import { registerRobotRoutes } from './robotRoutes';
import { routeRobotInjections } from './routeInjections';

export interface RobotServicesDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  latest: LatestValues;
  simSeed: number;
  startTime: number;
  /** Each new finding, after its `robot.finding` event (HazardService.enqueueFinding). */
  onFinding?: (f: RobotFinding) => void;
}

export interface RobotServices {
  service: RobotService;
  /** Runs before the alarm stage. */
  stage: TickStage;
  /** The simulator with `hot_spot` and `robot_fault` routed to the robot simulator; compose over the people routing. */
  routeInjections(sim: PlantSimulator): PlantSimulator;
  /** `robot.goto`. */
  commandHandlers: CommandHandlers;
  /** Sends the robots lane when due (once a second); call with the telemetry fan-out. */
  publish(): void;
  /** REST routes and the lane's output: the consoles in `subscribers()` (the positions hub's). */
  attach(app: FastifyInstance, ctx: ServerContext, io: Server, subscribers: () => Iterable<string>): void;
  /** Where findings go when the hazard service is built after this bundle. */
  setFindingSink(sink: ((f: RobotFinding) => void) | undefined): void;
}

/**
 * Inspection robots for the plant server in one call (docs/robots.md): build it after the
 * engine and the latest-values table, put `stage` before the alarm stage, wrap the injection
 * routing with `routeInjections`, spread `commandHandlers` into the CommandService, call
 * `publish()` with the telemetry fan-out and `attach` once the routes are registered.
 */
export function createRobotServices(d: RobotServicesDeps): RobotServices {
  const service = new RobotService(d);
  let out: RobotsOut | null = null;
  return {
    service,
    stage: service.stage,
    routeInjections: (sim) => routeRobotInjections(sim, service.sim),
    commandHandlers: { 'robot.goto': (p) => service.goto(p.robotId, p.checkpoint) },
    publish: () => service.publish(out),
    attach: (app, ctx, io, subscribers) => {
      registerRobotRoutes(app, ctx, service);
      out = {
        subscribers,
        send: (ids, message) => io.to(ids as string[]).emit(ServerEvents.robots, message),
        congested: (id) => {
          const s = io.sockets.sockets.get(id);
          return !s || isCongested(s);
        },
      };
    },
    setFindingSink: (sink) => service.setFindingSink(sink),
  };
}
