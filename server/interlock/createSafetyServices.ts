import type { Plant } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import type { CommandHandlers } from '../engine/CommandService';
import type { CommandEngine } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import { NotificationService } from '../notify/NotificationService';
import type { WebhookPoster } from '../notify/webhook';
import { RiskService } from '../risk/RiskService';
import type { PlantSimulator } from '../sim/types';
import { InterlockService, type TripAlarmSink } from './InterlockService';

export interface SafetyServicesDeps {
  plant: Plant;
  sim: PlantSimulator;
  engine: CommandEngine;
  clock: Clock;
  /** The alarm engine (its setExternal turns trips into TRIP alarms). */
  alarms: TripAlarmSink;
  /** Webhook URLs for graded pushes (`--webhook`). */
  webhooks: readonly string[];
  post?: WebhookPoster;
}

export interface SafetyServices {
  interlocks: InterlockService;
  notifications: NotificationService;
  risk: RiskService;
  /** Tick stages to run before the alarm stage (trips), and after it (pushes, risk grades). */
  stagesBefore: TickStage[];
  stagesAfter: TickStage[];
  /** `interlock.bypass` and `interlock.reset`. */
  commandHandlers: Pick<CommandHandlers, 'interlock.bypass' | 'interlock.reset'>;
  /** Restores interlocks into the simulator, emits initial risk grades, starts following the journal. Before the first tick. */
  start(): void;
  /** Stops following; waits for webhook posts under way (call before the store closes). */
  stop(): Promise<void>;
}

/**
 * Interlocks, graded pushes and the live risk map, wired together for the plant server: one
 * call in app.ts, the stages placed round the alarm stage, the handlers merged into the
 * CommandService, start before the tick loop and stop before the store closes.
 */
export function createSafetyServices(d: SafetyServicesDeps): SafetyServices {
  const interlocks = new InterlockService({ plant: d.plant, sim: d.sim, engine: d.engine, clock: d.clock, alarms: d.alarms });
  const notifications = new NotificationService({ plant: d.plant, engine: d.engine, webhooks: d.webhooks, ...(d.post ? { post: d.post } : {}) });
  const risk = new RiskService({ plant: d.plant, engine: d.engine });
  return {
    interlocks,
    notifications,
    risk,
    stagesBefore: [interlocks.stage],
    stagesAfter: [notifications.stage, risk.stage],
    commandHandlers: {
      'interlock.bypass': (p, user) => interlocks.bypass(p, user.name),
      'interlock.reset': (p, user) => interlocks.reset(p, user.name),
    },
    start: () => {
      interlocks.start();
      notifications.start();
      risk.start();
    },
    stop: async () => {
      risk.stop();
      await notifications.stop();
    },
  };
}
