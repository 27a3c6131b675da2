/**
 * Geofence and zone evaluation throughput (`bench: "people-geofence"`): position fixes per
 * second through the shared GeofenceEngine on one core — area occupancy, restricted zones and
 * confined spaces (entries, exits, authorisation), man-down, low battery per fix, and once per
 * simulated second the sweep (signal loss, crowding with the neighbour grid, lone working) —
 * for N badges reporting at 1 Hz on the reference plant with its zones.
 *
 * Movement: badges walk at 1–1.5 m/s in straight legs that turn every 5–60 s and bounce off the
 * plant's edges; one in ten stands still (and so goes man-down after 50 s, then walks again);
 * batteries drain across the low-battery threshold for a few. Fixes are generated before the
 * clock starts, into typed arrays, so only evaluation is timed.
 */
import { compilePeopleGeometry, defaultPeopleZones } from '../../shared/people/compileZones';
import { GeofenceEngine } from '../../shared/people/GeofenceEngine';
import type { Plant } from '../../shared/plant/schema';
import { createRng } from '../../shared/util/rng';
import { RtlsIngest } from '../../server/people/RtlsIngest';

export interface PeopleBenchOptions {
  plant: Plant;
  badges: number;
  /** Simulated seconds (one fix per badge per second). */
  seconds: number;
}

export interface PeopleBenchResult {
  badges: number;
  zones: number;
  areas: number;
  simulatedSeconds: number;
  fixes: number;
  /** Fixes/s with the per-second sweep included (what the server's stage does). */
  fixesPerSec: number;
  /** Fixes/s through `ingest` alone. */
  ingestOnlyFixesPerSec: number;
  /** One sweep over every badge (signal loss, crowding, lone working), ms: mean and worst. */
  sweepMs: { mean: number; max: number };
  /** Changes the engine reported (alarm conditions, zone entries and exits). */
  changes: Record<string, number>;
  /** Fixes/s through the RTLS ingest in front of the engine (per-fix zod validation, badge lookup, rate limit), from parsed JSON objects. */
  rtlsIngestFixesPerSec: number;
}

export function runPeopleBench(o: PeopleBenchOptions): PeopleBenchResult {
  const geo = compilePeopleGeometry(o.plant, o.plant.peopleZones ?? defaultPeopleZones);
  const [W, H] = geo.extent;
  const n = o.badges;
  const rng = createRng(11);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const heading = new Float64Array(n);
  const speed = new Float64Array(n);
  const turnAt = new Float64Array(n);
  const battery = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    x[p] = rng.range(0, W);
    y[p] = rng.range(0, H);
    heading[p] = rng.range(0, 2 * Math.PI);
    speed[p] = p % 10 === 0 ? 0 : rng.range(1, 1.5);
    battery[p] = p % 50 === 0 ? 20.6 : rng.range(60, 100);
  }
  const S = o.seconds;
  const fx = new Float64Array(S * n);
  const fy = new Float64Array(S * n);
  const fb = new Uint8Array(S * n);
  for (let s = 0; s < S; s++) {
    for (let p = 0; p < n; p++) {
      if (s >= turnAt[p]!) {
        heading[p] = rng.range(0, 2 * Math.PI);
        turnAt[p] = s + rng.range(5, 60);
        if (p % 10 === 0) speed[p] = speed[p] === 0 && s > 0 ? rng.range(1, 1.5) : 0;
      }
      let nx = x[p]! + Math.cos(heading[p]!) * speed[p]!;
      let ny = y[p]! + Math.sin(heading[p]!) * speed[p]!;
      if (nx < 0 || nx > W) {
        heading[p] = Math.PI - heading[p]!;
        nx = Math.min(W, Math.max(0, nx));
      }
      if (ny < 0 || ny > H) {
        heading[p] = -heading[p]!;
        ny = Math.min(H, Math.max(0, ny));
      }
      x[p] = nx;
      y[p] = ny;
      battery[p] = Math.max(0, battery[p]! - 0.01);
      fx[s * n + p] = nx + rng.normal() * 0.15;
      fy[s * n + p] = ny + rng.normal() * 0.15;
      fb[s * n + p] = Math.round(battery[p]!);
    }
  }
  const engine = new GeofenceEngine(geo, n);
  engine.resize(n);
  for (let p = 0; p < n; p++) for (let z = 0; z < geo.zones.length; z++) engine.setAuthorised(p, z, (p + z) % 3 !== 0);
  const changes: Record<string, number> = {};
  const drain = (): void => {
    for (const c of engine.changes) {
      const k = c.type === 'zone' ? (c.entered ? 'zone_entry' : 'zone_exit') : `${c.kind}${c.active ? '' : '_clear'}`;
      changes[k] = (changes[k] ?? 0) + 1;
    }
    engine.changes.length = 0;
  };
  const T0 = 1_750_000_000_000;
  // Warm-up: the first 10 % of the fixes, untimed.
  const warm = Math.max(1, Math.floor(S / 10));
  let s = 0;
  for (; s < warm; s++) {
    const t = T0 + s * 1000;
    for (let p = 0; p < n; p++) engine.ingest(p, t + p * (1000 / n), fx[s * n + p]!, fy[s * n + p]!, 0, 0, fb[s * n + p]!, false);
    engine.sweep(t + 999);
    drain();
  }
  let ingestMs = 0;
  let sweepTotal = 0;
  let sweepMax = 0;
  const start = performance.now();
  for (; s < S; s++) {
    const t = T0 + s * 1000;
    const a = performance.now();
    for (let p = 0; p < n; p++) engine.ingest(p, t + p * (1000 / n), fx[s * n + p]!, fy[s * n + p]!, 0, 0, fb[s * n + p]!, false);
    const b = performance.now();
    engine.sweep(t + 999);
    const c = performance.now();
    ingestMs += b - a;
    sweepTotal += c - b;
    sweepMax = Math.max(sweepMax, c - b);
    drain();
  }
  const total = performance.now() - start;
  const rtlsIngestFixesPerSec = rtlsRate(engine, n, fx, fy, Math.min(S, 20), T0 + S * 1000);
  const timedSeconds = S - warm;
  const fixes = timedSeconds * n;
  return {
    badges: n,
    zones: geo.zones.length,
    areas: geo.areaIds.length,
    simulatedSeconds: timedSeconds,
    fixes,
    fixesPerSec: Math.round(fixes / (total / 1000)),
    ingestOnlyFixesPerSec: Math.round(fixes / (ingestMs / 1000)),
    sweepMs: { mean: Math.round((sweepTotal / timedSeconds) * 100) / 100, max: Math.round(sweepMax * 100) / 100 },
    changes,
    rtlsIngestFixesPerSec,
  };
}

/** The RTLS route's work per fix, without HTTP: batches of 5,000 parsed JSON fixes through RtlsIngest into the engine. */
function rtlsRate(engine: GeofenceEngine, n: number, fx: Float64Array, fy: Float64Array, seconds: number, t0: number): number {
  const badges = new Map<string, number>(Array.from({ length: n }, (_, p) => [`B-${p}`, p] as const));
  const ingest = new RtlsIngest((b) => badges.get(b), 10);
  const batches: unknown[][] = [];
  for (let s = 0; s < seconds; s++) {
    const batch: unknown[] = [];
    for (let p = 0; p < n; p++) batch.push({ badge: `B-${p}`, t: t0 + s * 1000 + p * (1000 / n), x: fx[s * n + p]!, y: fy[s * n + p]!, z: 0, floor: 0, battery: 80, sos: false });
    batches.push(batch);
  }
  let accepted = 0;
  const start = performance.now();
  batches.forEach((b, s) => {
    const now = t0 + s * 1000 + 999;
    accepted += ingest.ingest(b, now, (p, f) => engine.ingest(p, f.t, f.x, f.y, f.z, f.floor, f.battery ?? 255, f.sos) === 0).accepted;
  });
  const ms = performance.now() - start;
  if (accepted !== seconds * n) throw new Error(`RTLS bench: ${accepted} of ${seconds * n} fixes accepted`);
  return Math.round((seconds * n) / (ms / 1000));
}
