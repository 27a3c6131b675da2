import { compilePeopleGeometry, defaultPeopleZones, type PeopleGeometry } from '../../shared/people/compileZones';
import { dayNumber, localDay } from '../../shared/people/dates';
import type { GeoChange } from '../../shared/people/geoChanges';
import { GeofenceEngine } from '../../shared/people/GeofenceEngine';
import { importCsv, importJson, type ImportList, type ImportResult } from '../../shared/people/importRecords';
import { qualificationStatus } from '../../shared/people/qualifications';
import type { PeopleFile } from '../../shared/people/registry';
import type { PeopleZones } from '../../shared/people/zones';
import type { Plant } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import type { CommandEngine, PendingEvent } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import { tzOffsetMs } from '../sim/timezone';
import { PeopleAlarmTexts, type ExternalAlarmSink } from './peopleAlarms';
import { PeopleRegistry } from './PeopleRegistry';
import { PeopleSimulator } from './PeopleSimulator';
import { DEFAULT_HISTORY, PositionHistory, type HistoryOptions } from './PositionHistory';
import { PositionsHub, type PositionsOut } from './PositionsHub';
import { PositionStore, type PositionSeries, type PositionStoreOptions } from './PositionStore';
import { RtlsIngest, refusalReasons, type RtlsFix, type RtlsResult } from './RtlsIngest';
import { SqlitePositionRepo } from './SqlitePositionRepo';

/** How a batch of fixes reached the server (counted apart in /metrics and the RTLS stats). */
export type RtlsPath = 'http' | 'mqtt';

/** Where fixes come from: the people simulator (RTLS fixes for a badge take that badge over), or only the RTLS feed. */
export type PeopleSource = 'simulator' | 'rtls';

export interface PeopleServiceDeps {
  plant: Plant;
  /** The plant folder's people.json, when it has one. */
  seed?: PeopleFile;
  /** Where an imported registry is saved (null = never). */
  dataDir: string | null;
  engine: CommandEngine;
  clock: Clock;
  alarms: ExternalAlarmSink;
  out: PositionsOut;
  source: PeopleSource;
  simSeed: number;
  startTime: number;
  history?: Partial<HistoryOptions>;
  /** Persisted position history in `<dataDir>/vigil.db` (default on when there is a data folder); false = memory only. */
  positions?: Partial<PositionStoreOptions> | false;
}

const SWEEP_MS = 1000;
/** Reminders and authorisations are re-checked this often (and at every local midnight, and after imports). */
const RECHECK_MS = 3_600_000;

/**
 * People safety on the plant server: the personnel registry, the people simulator or the RTLS
 * feed, the geofence engine, position history and the positions lane. As a tick stage before
 * the alarm stage it advances the simulator, sweeps the time-driven checks, raises and clears
 * people alarms through the alarm engine's external entry (so they reach the same tick's
 * alarm batch), and returns zone entries and exits, occupancy and certificate reminders as
 * journal events. `publish` sends the tick's positions frame after the tick's events.
 */
export class PeopleService {
  readonly registry: PeopleRegistry;
  readonly geo: PeopleGeometry;
  readonly zones: PeopleZones;
  readonly geofence: GeofenceEngine;
  readonly history: PositionHistory;
  readonly hub: PositionsHub;
  readonly rtls: RtlsIngest;
  /** RTLS totals by the path the fixes came in on. */
  readonly rtlsByPath: Record<RtlsPath, RtlsResult> = { http: emptyResult(), mqtt: emptyResult() };
  /** Every fix, persisted (null without a data folder: then only the in-memory `history`). */
  readonly store: PositionStore | null;
  readonly sim: PeopleSimulator | null;
  private readonly texts: PeopleAlarmTexts;
  private readonly areaSet: ReadonlySet<string>;
  private lastSweep = -Infinity;
  private lastCheck = -Infinity;
  private checkedDay = NaN;
  private lastOccupancyAt = -Infinity;
  private lastOccupancy = '';
  private occupancyVersion = -1;
  /** People alarms and zone entries the journal held at start, settled once fixes had time to arrive (see `settleRestart`). */
  private restored: { alarms: Set<string>; at: number } | null = null;
  private readonly raisedSinceStart = new Set<string>();
  private started = false;

  /** Plug into PlantRuntime's tick before the alarm stage. */
  readonly stage: TickStage = { name: 'people', run: (_batch, now) => this.run(now) };

  constructor(readonly d: PeopleServiceDeps) {
    const now = d.clock.now();
    this.zones = d.plant.peopleZones ?? defaultPeopleZones;
    this.geo = compilePeopleGeometry(d.plant, this.zones);
    this.registry = PeopleRegistry.open(d.dataDir, d.seed, this.today(now));
    this.geofence = new GeofenceEngine(this.geo, this.registry.size);
    this.geofence.resize(this.registry.size);
    this.history = new PositionHistory(this.registry.size, { ...DEFAULT_HISTORY, ...d.history });
    this.hub = new PositionsHub(this.geofence, d.out, () => this.registryVersion);
    this.store =
      d.dataDir !== null && d.positions !== false
        ? new PositionStore(SqlitePositionRepo.open(d.dataDir), (p) => this.registry.people[p]?.id, (slot) => (slot >= 0 ? (this.geo.areaIds[slot] ?? null) : null), d.positions ?? {})
        : null;
    this.rtls = new RtlsIngest((badge) => this.registry.indexOfBadge(badge), this.zones.badges.maxFixesPerS);
    this.texts = new PeopleAlarmTexts(this.geo, d.plant.areas.map((a) => a.name), d.plant.alarmSettings);
    this.areaSet = new Set(d.plant.areas.map((a) => a.id));
    this.authorise(now);
    const active = Object.values(d.engine.state.alarms).filter((a) => PEOPLE_KINDS.has(a.kind) && a.lifecycle.active).map((a) => a.id);
    this.restored = { alarms: new Set(active), at: now + this.zones.badges.signalLostS * 1000 };
    const tz = tzOffsetMs(d.plant.meta.timezone, d.startTime);
    this.sim = d.source === 'simulator' ? new PeopleSimulator(d.plant, this.geo, this.registry, { seed: d.simSeed, startTime: d.startTime, tzOffsetMs: tz }) : null;
  }

  /** The registry version consoles see (0 = the plant's seed; each import adds one). */
  get registryVersion(): number {
    return this.d.engine.state.people?.registryVersion ?? 0;
  }

  /** Plant-local day number of an instant. */
  today(now: number): number {
    return localDay(now, tzOffsetMs(this.d.plant.meta.timezone, now));
  }

  /** One tick (see the class comment); returns the journal events to append. */
  run(now: number): PendingEvent[] {
    const events: PendingEvent[] = [];
    if (!this.started) this.closeRestoredZones(now, events);
    this.sim?.advance(now, this.fix);
    if (now - this.lastSweep >= SWEEP_MS) {
      this.lastSweep = now;
      this.geofence.sweep(now);
    }
    const day = this.today(now);
    if (day !== this.checkedDay || now - this.lastCheck >= RECHECK_MS) {
      if (day !== this.checkedDay && !Number.isNaN(this.checkedDay)) this.authorise(now);
      this.checkedDay = day;
      this.lastCheck = now;
      this.reminders(now, events);
    }
    this.drain(events);
    this.occupancy(now, events);
    this.store?.tick(now);
    if (this.restored && now >= this.restored.at) this.settleRestart(now);
    return events;
  }

  /**
   * After a restart nobody's position is known until their next fix, so the zone entries the
   * journal still holds are closed at the first tick; people still inside enter again with
   * their first fix.
   */
  private closeRestoredZones(now: number, events: PendingEvent[]): void {
    this.started = true;
    for (const [zoneId, inside] of Object.entries(this.d.engine.state.people?.zones ?? {})) {
      const zone = this.geo.zones.find((z) => z.id === zoneId);
      for (const [person, entry] of Object.entries(inside)) {
        events.push({
          body: {
            type: 'people.zone.changed',
            payload: { zone: zoneId, zoneKind: entry.kind, person, entered: false, authorised: entry.authorised, area: zone && zone.area >= 0 ? this.geo.areaIds[zone.area]! : null, position: zone?.centre ?? [0, 0, 0], fixTime: now },
          },
          actor: 'system',
        });
      }
    }
  }

  /**
   * People alarms active before a restart whose condition the new engine has not raised again
   * within `signalLostS` of the start (every badge on site has reported by then) are cleared.
   */
  private settleRestart(now: number): void {
    const pending = this.restored!;
    this.restored = null;
    for (const id of pending.alarms) {
      if (this.raisedSinceStart.has(id)) continue;
      const a = this.d.engine.state.alarms[id];
      if (!a?.lifecycle.active) continue;
      this.d.alarms.setExternal({ id: a.id, kind: a.kind, source: a.source, area: a.area, equipment: a.equipment, priority: a.priority, position: a.position, message: a.message, unit: a.unit }, false, null, now);
    }
  }

  /** Sends the tick's positions frame (after the tick's events went out). */
  publish(now: number = this.d.clock.now()): void {
    this.hub.publish(now);
  }

  /** One fix into the geofence engine and the history; false when it is not newer than the person's last. */
  private readonly fix = (p: number, t: number, x: number, y: number, z: number, floor: number, battery: number, sos: boolean): boolean => {
    if (this.geofence.ingest(p, t, x, y, z, floor, battery, sos) !== 0) return false;
    if (this.store) this.store.record(p, t, x, y, z, floor, this.geofence.area[p]!);
    else this.history.record(p, t, x, y, z, floor, this.geofence.area[p]!);
    return true;
  };

  /** Person `p`'s positions in [from, to), at most `maxPoints`: from the store when there is one, else the in-memory history. */
  positions(p: number, from: number, to: number, maxPoints: number): PositionSeries & { oldest: number | null } {
    if (this.store) return { ...this.store.query(p, from, to, maxPoints), oldest: this.store.oldest(p) };
    const { area, ...rest } = this.history.query(p, from, to, maxPoints);
    return { ...rest, area: area.map((a) => (a >= 0 ? (this.geo.areaIds[a] ?? null) : null)), oldest: this.history.oldest(p) };
  }

  /** Seals and writes the position history (server shutdown). */
  close(): void {
    this.store?.close();
  }

  /** A batch from the RTLS feed (envelope already checked). A badge it reports is no longer simulated. */
  ingestRtls(fixes: readonly unknown[], path: RtlsPath = 'http'): RtlsResult {
    const now = this.d.clock.now();
    const r = this.rtls.ingest(fixes, now, (p: number, f: RtlsFix) => {
      this.sim?.release(p);
      return this.fix(p, f.t, f.x, f.y, f.z, f.floor, f.battery === undefined ? 255 : Math.round(f.battery), f.sos);
    });
    const sum = this.rtlsByPath[path];
    sum.accepted += r.accepted;
    for (const k of refusalReasons) sum.refused[k] += r.refused[k];
    return r;
  }

  /**
   * Validates and applies an import from the training system; journals it. All or nothing:
   * with any issue nothing changes and the issues come back.
   */
  importRegistry(format: 'csv' | 'json', input: { csv: string; list: ImportList } | { people: readonly unknown[]; qualifications: readonly unknown[] }, actor: string): ImportResult & { registryVersion: number } {
    const ctx = this.registry.context(this.areaSet);
    const r = 'csv' in input ? importCsv(input.csv, input.list, ctx) : importJson(input.people, input.qualifications, ctx);
    if (r.issues.length > 0) return { ...r, registryVersion: this.registryVersion };
    const now = this.d.clock.now();
    this.registry.applyImport(r.people, r.qualifications);
    const version = this.registryVersion + 1;
    this.d.engine.append({ type: 'people.registry.imported', payload: { format, people: r.people.length, qualifications: r.qualifications.length, registryVersion: version } }, actor);
    this.geofence.resize(this.registry.size);
    this.history.resize(this.registry.size);
    this.sim?.sync(now);
    this.authorise(now);
    const events: PendingEvent[] = [];
    this.reminders(now, events);
    this.drain(events);
    this.d.engine.appendBatch(events);
    return { ...r, registryVersion: version };
  }

  /** Who may be in which zone today; people already inside are re-checked. */
  private authorise(now: number): void {
    const today = this.today(now);
    for (let p = 0; p < this.registry.size; p++) {
      this.geo.zones.forEach((zone, k) => this.geofence.setAuthorised(p, k, this.registry.authorised(p, zone, today)));
    }
    this.geofence.reauthorise(now);
  }

  /** Journals a reminder for each certificate or course that entered the window or expired since the last one. */
  private reminders(now: number, events: PendingEvent[]): void {
    const today = this.today(now);
    const done = this.d.engine.state.people?.reminders ?? {};
    for (const q of this.registry.allQualifications()) {
      if (q.expires === null) continue;
      const status = qualificationStatus(q, today, this.zones.reminderDays);
      if (status !== 'expiring' && status !== 'expired') continue;
      const key = `${q.person}/${q.type}/${q.expires}`;
      if (done[key]?.state === status) continue;
      const left = (dayNumber(q.expires) ?? today) - today;
      events.push({ body: { type: 'people.qualification.reminder', payload: { person: q.person, qualification: q.type, expires: q.expires, daysLeft: left, state: status } }, actor: 'system' });
    }
  }

  /** Geofence changes → alarms (through the alarm engine) and journal events for zone entries and exits. */
  private drain(events: PendingEvent[]): void {
    const g = this.geofence;
    for (const c of g.changes) {
      if (c.type === 'zone') {
        const zone = this.geo.zones[c.zone]!;
        const person = this.registry.people[c.person];
        if (!person) continue;
        events.push({
          body: {
            type: 'people.zone.changed',
            payload: {
              zone: zone.id,
              zoneKind: zone.kind,
              person: person.id,
              entered: c.entered,
              authorised: c.authorised,
              area: zone.area >= 0 ? this.geo.areaIds[zone.area]! : null,
              position: [round2(g.x[c.person]!), round2(g.y[c.person]!), round2(g.z[c.person]!)],
              fixTime: c.time,
            },
          },
          actor: 'system',
        });
        continue;
      }
      this.alarm(c);
    }
    g.changes.length = 0;
  }

  private alarm(c: Exclude<GeoChange, { type: 'zone' }>): void {
    const g = this.geofence;
    let who = null;
    if (c.type === 'person') {
      const person = this.registry.people[c.person];
      if (!person) return;
      who = { person, team: this.registry.teams.get(person.team), position: [g.x[c.person]!, g.y[c.person]!, g.z[c.person]!] as [number, number, number], areaSlot: g.area[c.person]! };
    }
    const def = this.texts.def(c, who);
    if (c.active) this.raisedSinceStart.add(def.id);
    this.d.alarms.setExternal(def, c.active, c.value, c.time);
  }

  /** Journals occupancy when it changed, at most every `occupancyJournalS`. */
  private occupancy(now: number, events: PendingEvent[]): void {
    const g = this.geofence;
    if (g.occupancyVersion === this.occupancyVersion || now - this.lastOccupancyAt < this.zones.occupancyJournalS * 1000) return;
    this.occupancyVersion = g.occupancyVersion;
    const areas: Record<string, number> = {};
    let onSite = 0;
    this.geo.areaIds.forEach((id, i) => {
      areas[id] = g.areaCounts[i]!;
      onSite += g.areaCounts[i]!;
    });
    const roads = g.areaCounts[this.geo.areaIds.length]!;
    const key = JSON.stringify([areas, roads]);
    if (key === this.lastOccupancy) return;
    this.lastOccupancy = key;
    this.lastOccupancyAt = now;
    events.push({ body: { type: 'people.occupancy.changed', payload: { areas, roads, onSite: onSite + roads } }, actor: 'system' });
  }
}

const emptyResult = (): RtlsResult => ({ accepted: 0, refused: { invalid: 0, unknown_badge: 0, rate_limited: 0, stale: 0, future: 0 } });
const round2 = (v: number): number => Math.round(v * 100) / 100;
const PEOPLE_KINDS: ReadonlySet<string> = new Set(['MAN_DOWN', 'RESTRICTED', 'LONE_WORKER', 'SIGNAL_LOST', 'LOW_BATTERY', 'CROWDING', 'CONFINED']);
