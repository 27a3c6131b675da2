import type { Clock } from '../shared/util/clock';
import type { AlarmEngine } from './alarm/AlarmEngine';
import type { AlarmKpiService } from './alarm/AlarmKpiService';
import type { AuthService } from './auth/authService';
import type { CommandEngine } from './engine/CommandEngine';
import type { CommandService } from './engine/CommandService';
import type { PlantRuntime } from './engine/PlantRuntime';
import type { RecentBuffer } from './engine/RecentBuffer';
import type { Metrics } from './metrics';
import type { LoadedPlant } from './plant/loadPlant';

/** What the HTTP routes and the socket gateway share: the running server's parts. */
export interface ServerContext {
  loaded: LoadedPlant;
  /** The `GET /plant` body, serialised once (the model is large and never changes while running). */
  plantBody: string;
  tagIndex: ReadonlyMap<string, number>;
  version: string;
  mode: 'simulator' | 'live';
  startedAt: number;
  clock: Clock;
  engine: CommandEngine;
  alarms: AlarmEngine;
  alarmKpi: AlarmKpiService;
  auth: AuthService;
  commands: CommandService;
  runtime: PlantRuntime;
  recent: RecentBuffer;
  metrics: Metrics;
  consoles: () => number;
  /** Whether loopback requests may get a commander session without a password (embedded demo). */
  localSession: boolean;
}
