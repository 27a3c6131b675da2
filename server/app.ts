import type { Server as NetServer, Socket } from 'node:net';
import path from 'node:path';
import Fastify from 'fastify';
import { Server as SocketServer } from 'socket.io';
import { MAX_MESSAGE_BYTES, ServerEvents } from '../shared/protocol/messages';
import { systemClock, type Clock } from '../shared/util/clock';
import { alarmCommandHandlers } from './alarm/alarmCommands';
import { AlarmEngine } from './alarm/AlarmEngine';
import { AlarmKpiService } from './alarm/AlarmKpiService';
import { defaultAlarmSettings } from './alarm/defaultAlarmSettings';
import { DesignSuppression } from './alarm/DesignSuppression';
import { FloodMonitor } from './alarm/FloodMonitor';
import { TagConditions } from './alarm/TagConditions';
import { AuthService } from './auth/authService';
import { findAppRoot, readVersion } from './appRoot';
import { BandTracker } from './engine/BandTracker';
import { CommandEngine, DEFAULT_SNAPSHOT_POLICY, type SnapshotPolicy } from './engine/CommandEngine';
import { CommandService } from './engine/CommandService';
import { InjectionService } from './engine/InjectionService';
import { LatestTable } from './engine/LatestTable';
import { PlantRuntime, type TickStage } from './engine/PlantRuntime';
import { DEFAULT_RECENT, RecentBuffer, type RecentOptions } from './engine/RecentBuffer';
import type { ServerContext } from './context';
import { registerAlarmRoutes } from './http/alarmRoutes';
import { createSafetyServices } from './interlock/createSafetyServices';
import { createPeopleServices, type PeopleOptions, type PeopleServices } from './people/createPeopleServices';
import { createHazardServices, type HazardServices } from './hazard/createHazardServices';
import type { HazardSettings } from '../shared/hazard/settings';
import { createRobotServices, type RobotServices } from './robots/createRobotServices';
import { createIncidentServices, type IncidentServices } from './incident/createIncidentServices';
import { createEmergencyServices, type EmergencyServices } from './emergency/createEmergencyServices';
import { createDrillServices, defaultScenariosDir, type DrillServices } from './drill/createDrillServices';
import { registerReplayRoutes } from './replay/replayRoutes';
import { registerCommandRoutes } from './http/commandRoutes';
import { registerCors } from './http/cors';
import { registerDataRoutes } from './http/dataRoutes';
import { registerHistoryRoutes } from './http/historyRoutes';
import { registerStateRoutes } from './http/stateRoutes';
import { loadThreatLevels, registerDispersionRoutes } from './http/dispersionRoutes';
import { registerErrorHandlers } from './http/errors';
import { registerPublicRoutes } from './http/publicRoutes';
import { registerSessionRoutes } from './http/sessionRoutes';
import { registerStaticRoutes } from './http/staticRoutes';
import { Historian } from './historian/Historian';
import type { HistorianOptions } from './historian/historianOptions';
import { Metrics } from './metrics';
import type { LoadedPlant } from './plant/loadPlant';
import type { PlantSimulator, SampleBatch } from './sim/types';
import { openSqliteStore } from './store/openSqliteStore';
import { attachSocketGateway, type GatewayOptions } from './transport/SocketGateway';
import { TelemetryHub } from './transport/TelemetryHub';
import { SocketFrameOut } from './transport/SocketFrameOut';

export type SimulatorFactory = (plant: LoadedPlant['plant'], opts: { seed: number; startTime: number; periodMs?: number }) => PlantSimulator;

export interface PlantServerOptions {
  plant: LoadedPlant;
  /** Injected so the server compiles and tests against the PlantSimulator interface. */
  createSimulator: SimulatorFactory;
  /** Data folder (journal database, users file, admin token); ':memory:' is not allowed (the token file needs a folder). */
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  seed?: number;
  /** Simulator sample period override, ms. */
  periodMs?: number;
  /** Users file; default `<dataDir>/users.json`. */
  usersFile?: string;
  /** Give loopback requests a commander session without a password (embedded demo). Default true. */
  localSession?: boolean;
  /** Built renderer folder served at `/`; default `<app root>/dist/renderer`; null serves none. */
  rendererDir?: string | null;
  clock?: Clock;
  version?: string;
  /** Telemetry batching period, ms (≥ 100). */
  framePeriodMs?: number;
  socketPath?: string;
  /** Origins allowed to call the REST API and socket.io from a browser (CORS). */
  allowedOrigins?: string[];
  gateway?: Partial<GatewayOptions>;
  recent?: Partial<RecentOptions>;
  snapshotPolicy?: SnapshotPolicy;
  /** How often latest values are persisted, ms. */
  persistMs?: number;
  /** Historian settings: retention, chunking (docs/historian.md). */
  historian?: Partial<HistorianOptions>;
  /** Webhook URLs that graded alarm pushes are POSTed to (docs/interlocks-notifications-risk.md). */
  webhooks?: string[];
  /** People (docs/people.md): where positions come from (the people simulator, default, or only the RTLS feed), an MQTT feed, the position history. */
  people?: PeopleOptions;
  /** Hidden-hazard settings overriding the defaults: escalation, gas-detector thresholds (docs/hazards.md). */
  hazards?: Partial<HazardSettings>;
  /** Drills (docs/drills.md): scenario folder, default `<app root>/resources/scenarios`. */
  drills?: { scenariosDir?: string };
}

export interface PlantServer {
  url: string;
  host: string;
  port: number;
  adminTokenFile: string;
  /** A read-only token that does not expire, for wall displays (`?wall=1#token=…`). */
  wallTokenFile: string;
  ctx: ServerContext;
  hub: TelemetryHub;
  /** People safety: registry, geofences, positions lane, RTLS feed (docs/people.md). */
  people: PeopleServices;
  /** Inspection robots: simulator, findings, robots lane, REST (docs/robots.md). */
  robots: RobotServices;
  /** Hidden-hazard work orders and inspection tasks (docs/hazards.md); `enqueueFinding` takes robot findings. */
  hazards: HazardServices;
  /** Incidents, plans and after-action reports (docs/incidents.md). */
  incidents: IncidentServices;
  /** Threat zones, people at risk, muster, resources and dispatch (docs/incidents.md); `service.setWindOverride` is the drill/test wind hook. */
  emergency: EmergencyServices;
  /** Drills: scenarios, the running drill, scoring (docs/drills.md). */
  drills: DrillServices;
  /** Stops ticking, tells consoles to resync, persists latest values and a snapshot, closes everything. */
  close(): Promise<void>;
}

/**
 * Builds and starts the plant server: journal and state (restored from the data dir), the
 * simulator, the REST API, socket.io on the same HTTP server, and the tick loop.
 */
export async function createPlantServer(opts: PlantServerOptions): Promise<PlantServer> {
  const clock = opts.clock ?? systemClock;
  const root = opts.version === undefined || opts.rendererDir === undefined ? findAppRoot() : '';
  const version = opts.version ?? readVersion(root);
  const framePeriodMs = Math.max(100, Math.round(opts.framePeriodMs ?? 100));
  const { plant, hash } = opts.plant;
  const tagIndex = new Map(plant.tags.map((t, i) => [t.id, i] as const));
  const metrics = new Metrics();

  const store = openSqliteStore(opts.dataDir);
  try {
    const auth = new AuthService(store.sessions, opts.usersFile ?? path.join(opts.dataDir, 'users.json'), clock);
    const adminTokenFile = auth.ensureAdminToken(opts.dataDir);
    const wallTokenFile = auth.ensureWallToken(opts.dataDir);
    auth.pruneExpired();

    const engine = CommandEngine.open(store, clock, opts.snapshotPolicy ?? DEFAULT_SNAPSHOT_POLICY);
    engine.onEvent(() => metrics.eventsAppended++);
    const seed = opts.seed ?? 1;
    const simStart = clock.now();
    const sim = opts.createSimulator(plant, { seed, startTime: simStart, ...(opts.periodMs ? { periodMs: opts.periodMs } : {}) });

    const latest = new LatestTable(plant.tags.length);
    latest.copyFrom(sim.latest());
    const stored = store.latestValues.loadAll();
    if (stored.length > 0 && latest.restoreRows(stored, tagIndex) > 0) {
      sim.restore(latest.values, latest.quality, latest.times);
      latest.copyFrom(sim.latest());
    }
    engine.append({ type: 'system.started', payload: { version, plantId: plant.meta.id, plantHash: hash, seed, mode: 'simulator' } }, 'system');

    const alarmSettings = plant.alarmSettings ?? defaultAlarmSettings;
    const alarmKpi = new AlarmKpiService(plant, alarmSettings, store.alarmHistory, () => engine.state, clock, store);
    const floodFrom = clock.now() - alarmSettings.kpi.floodWindowS * 1000;
    const alarms = new AlarmEngine({
      engine,
      clock,
      settings: alarmSettings,
      conditions: new TagConditions(plant.tags, alarmSettings),
      flood: new FloodMonitor(alarmSettings.kpi, engine.state.flood.flooding, alarmKpi.activationTimes(floodFrom, clock.now() + 1)),
      ...(plant.interlocks?.length ? { suppression: DesignSuppression.fromPlant(plant.interlocks, plant.tags) } : {}),
    });
    const people = createPeopleServices({ plant, ...(opts.plant.people ? { seed: opts.plant.people } : {}), dataDir: opts.dataDir, engine, clock, alarms, source: opts.people?.source ?? 'simulator', simSeed: seed, startTime: simStart, options: opts.people, retentionDays: opts.historian?.retention?.raw });
    // Person injections (person_down, person_move) go to the people simulator.
    // Robot findings become hazard work orders (source robot) on the same tick: the hazards stage runs after the robots stage.
    const robots = createRobotServices({ plant, engine, clock, latest, simSeed: seed, startTime: simStart, onFinding: (f) => hazards.enqueueFinding(f), dataDir: opts.dataDir, retentionDays: opts.historian?.retention?.raw });
    // Robot injections (hot_spot, robot_fault) go to the robot simulator, the rest as before.
    const injections = new InjectionService(engine, robots.routeInjections(people.routeInjections(sim)), clock);
    injections.restoreActive();
    // Tick stages in order: anything that trips or raises external alarms goes before `alarms`,
    // so that the alarm batch of a tick already sees it.
    const safety = createSafetyServices({ plant, sim, engine, clock, alarms, webhooks: opts.webhooks ?? [] });
    const hazards = createHazardServices({ plant, engine, clock, people: people.service.registry, startTime: simStart, ...(opts.hazards ? { settings: opts.hazards } : {}) });
    const threatLevels = loadThreatLevels(root || findAppRoot());
    const emergency = createEmergencyServices({ plant, engine, clock, latest, people: people.service, chemicals: threatLevels });
    // The emergency stage reads the incidents the incident stage opened: keep it after that stage.
    // The incident stage reads the alarm activations of this tick: after the alarm stage.
    const incidents = createIncidentServices({ plant, engine, clock, people: people.service.registry, plansDir: path.join(root || findAppRoot(), 'resources', 'plans'), dataDir: opts.dataDir, latest });
    const drills = createDrillServices({ plant, engine, clock, injections, setWind: (w) => emergency.service.setWindOverride(w), scenariosDir: opts.drills?.scenariosDir ?? defaultScenariosDir(root || findAppRoot()), people: people.service.registry.people.map((p) => p.id), plans: incidents.service.d.plans });
    // The drill stage goes first: a timeline step's injection shapes this tick's samples onwards.
    const stages: TickStage[] = [drills.stage, ...safety.stagesBefore, people.stage, robots.stage, hazards.stage, alarms.stage, ...safety.stagesAfter, incidents.stage, emergency.stage];

    const commands = new CommandService({
      'sim.inject': (p, user) => injections.inject(p, user.name),
      'sim.clear': (p, user) => injections.clear(p.injectionId, user.name),
      ...alarmCommandHandlers(alarms, clock),
      ...safety.commandHandlers,
      ...robots.commandHandlers,
      ...hazards.commandHandlers,
      ...incidents.commandHandlers,
      ...emergency.commandHandlers,
      ...drills.commandHandlers,
    });
    const recent = new RecentBuffer(plant.tags.length, { ...DEFAULT_RECENT, ...opts.recent });
    const bands = new BandTracker(plant.tags, engine.state.bands);

    const app = Fastify({ logger: false, bodyLimit: MAX_MESSAGE_BYTES, trustProxy: false });
    const connections = trackConnections(app.server);
    const io = new SocketServer(app.server, {
      path: opts.socketPath ?? '/socket.io',
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      serveClient: false,
      cors: opts.allowedOrigins?.length ? { origin: opts.allowedOrigins } : undefined,
    });
    const frameOut = new SocketFrameOut(io);
    const hub = new TelemetryHub(plant, latest, frameOut, metrics);
    const historian = Historian.open(opts.dataDir, plant.tags, clock, opts.historian);
    // Consoles first: the historian's ingest (chunk sealing at 50,000 tags) would otherwise sit
    // between the sample and its frame (docs/performance.md, telemetry latency).
    const publish = (b: SampleBatch): void => {
      hub.publish(b);
      people.publish();
      robots.publish();
      historian.ingest(b);
    };
    const runtime = new PlantRuntime(
      { plant, sim, engine, injections, latestRepo: store.latestValues, latest, recent, bands, stages, clock, metrics, publish },
      { tickMs: framePeriodMs, persistMs: opts.persistMs ?? 5000, alignTo: simStart },
    );

    let consoles = (): number => 0;
    const ctx: ServerContext = {
      loaded: opts.plant,
      plantBody: JSON.stringify({ ok: true, data: { hash, plant } }),
      tagIndex,
      version,
      mode: 'simulator',
      startedAt: clock.now(),
      clock,
      engine,
      alarms,
      alarmKpi,
      auth,
      commands,
      runtime,
      recent,
      metrics,
      consoles: () => consoles(),
      localSession: opts.localSession ?? true,
    };
    const gateway = attachSocketGateway({
      io,
      auth,
      engine,
      commands,
      hub,
      metrics,
      now: () => clock.now(),
      serverInfo: () => ({ serverVersion: version, plantId: plant.meta.id, plantHash: hash, tagCount: plant.tags.length, framePeriodMs }),
      ...(opts.gateway ? { options: opts.gateway } : {}),
    });
    consoles = gateway.consoles;

    registerCors(app, opts.allowedOrigins ?? []);
    registerErrorHandlers(app, ctx);
    registerPublicRoutes(app, ctx);
    registerSessionRoutes(app, ctx);
    registerCommandRoutes(app, ctx);
    registerDataRoutes(app, ctx);
    registerHistoryRoutes(app, ctx, historian);
    registerStateRoutes(app, ctx, store);
    registerAlarmRoutes(app, ctx);
    registerDispersionRoutes(app, ctx, threatLevels);
    people.attach(app, ctx, io);
    robots.attach(app, ctx, io, () => people.service.hub.subscriberIds());
    hazards.attach(app, ctx);
    incidents.attach(app, ctx);
    emergency.attach(app, ctx);
    drills.attach(app, ctx);
    registerReplayRoutes(app, ctx, { store, historian, positions: people.service, robots: robots.track, incidents: incidents.service, hazards: hazards.service });
    await registerStaticRoutes(app, opts.rendererDir === undefined ? path.join(root, 'dist', 'renderer') : opts.rendererDir);

    const host = opts.host ?? '127.0.0.1';
    try {
      await app.listen({ host, port: opts.port ?? 4870 });
    } catch (err) {
      gateway.detach();
      io.close();
      historian.close();
      robots.close();
      await app.close().catch(() => undefined);
      throw err;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (opts.port ?? 4870);
    safety.start();
    runtime.start();

    let closing: Promise<void> | null = null;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        runtime.stop();
        io.to('live').emit(ServerEvents.resync, { reason: 'shutdown' });
        try {
          runtime.persistLatest();
          engine.snapshotNow();
        } catch (err) {
          console.error('could not persist state at shutdown:', err);
        }
        gateway.detach();
        people.detach();
        robots.close();
        hazards.close();
        incidents.close();
        io.disconnectSockets(true);
        // The HTTP server's close waits for every connection to end; one that never sends a
        // request (a browser's preconnect) or stops mid-request would hold it forever.
        const force = setTimeout(() => connections.destroyAll(), CLOSE_GRACE_MS);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await app.close().catch(() => undefined);
        clearTimeout(force);
        await safety.stop();
        historian.close();
        store.close();
      })());

    const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    return { url: `http://${urlHost}:${port}`, host, port, adminTokenFile, wallTokenFile, ctx, hub, people, robots, hazards, incidents, emergency, drills, close };
  } catch (err) {
    store.close();
    throw err;
  }
}

/** How long close() lets open HTTP connections finish before ending them, ms. */
const CLOSE_GRACE_MS = 1000;

/** Every open TCP connection of the server (HTTP and upgraded WebSocket alike), to end them at close. */
function trackConnections(server: NetServer): { destroyAll(): void } {
  const open = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    open.add(s);
    s.once('close', () => open.delete(s));
  });
  return { destroyAll: () => open.forEach((s) => s.destroy()) };
}
