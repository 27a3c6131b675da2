import type { Equipment, Plant } from '../../../shared/plant/schema';
import type { RobotCheckpoint, RobotDef, RobotsFile, RobotSensorKind, RobotStandard } from '../../../shared/robots/model';
import { GAS_LEL, GAS_OEL } from '../../../shared/robots/standards';
import { txt } from './builder';

/**
 * Inspection robots of the reference plant (docs/robots.md). Each patrols a closed loop of road
 * and unit-aisle legs (straight, axis-aligned, so the robot drives along them); checkpoints are
 * put where the loop faces equipment of its areas, at loop corners, and wherever a gap would be
 * longer than MAX_GAP_M — so a robot at 1 m/s reaches its next checkpoint within a minute.
 */

/** Longest leg between consecutive checkpoints, m (50 s at 1 m/s). */
export const MAX_GAP_M = 50;
/** Equipment farther than this from the loop is not faced from it, m. */
const REACH_M = 55;
/** Candidates closer than this along the loop share one checkpoint, m. */
const MERGE_M = 6;

/** Kinds a robot looks at, most important first (one checkpoint facing several picks the first). */
const PRIORITY = ['compressor', 'pump', 'reactor', 'sphere', 'tank', 'loading_arm', 'rack', 'vessel', 'column', 'exchanger', 'boiler', 'cooling_tower'] as const;
const rank = (kind: string): number => {
  const i = (PRIORITY as readonly string[]).indexOf(kind);
  return i < 0 ? PRIORITY.length : i;
};

const MEASURE: Readonly<Record<string, RobotSensorKind[]>> = {
  pump: ['thermal', 'gas', 'noise'],
  compressor: ['thermal', 'gas', 'noise'],
  reactor: ['thermal', 'gas', 'noise'],
  boiler: ['thermal', 'noise'],
  cooling_tower: ['thermal', 'noise'],
};
const measureFor = (kind: string): RobotSensorKind[] => MEASURE[kind] ?? ['thermal', 'gas'];

interface PatrolSpec {
  id: string;
  name: ReturnType<typeof txt>;
  model: string;
  dock: [number, number, number];
  /** Loop corners, plant x/y, in driving order (closed: the last leads back to the first). */
  loop: [number, number][];
  /** Areas whose equipment the robot faces. */
  areas: string[];
}

const MODEL_WHEELED = 'explosion-proof wheeled inspection robot (Ex d IIB T4), visible + IR camera, gas and sound sensors';

const PATROLS: PatrolSpec[] = [
  {
    id: 'RB-01',
    name: txt('1 号巡检机器人（罐区）', 'Robot 1 (tank farm)'),
    model: MODEL_WHEELED,
    dock: [196, 4, 0],
    // South ring road, then back along the road between the dikes: pumps, then tanks and the dike-2/4 pumps.
    loop: [[190, 10], [650, 10], [650, 120], [190, 120]],
    areas: ['TF-D1', 'TF-D2', 'TF-D3', 'TF-D4'],
  },
  {
    id: 'RB-02',
    name: txt('2 号巡检机器人（反应釜单元）', 'Robot 2 (reactor unit)'),
    model: MODEL_WHEELED,
    dock: [184, 282, 0],
    // Two aisles between the reactor rows, joined by the unit's east and west roads.
    loop: [[190, 282], [420, 282], [420, 362], [190, 362]],
    areas: ['RX'],
  },
  {
    id: 'RB-03',
    name: txt('3 号巡检机器人（液氯、液氨、液化气球罐）', 'Robot 3 (chlorine, ammonia and LPG spheres)'),
    model: MODEL_WHEELED,
    dock: [644, 124, 0],
    loop: [[650, 120], [890, 120], [890, 230], [650, 230]],
    areas: ['TF-LPG', 'TF-NH3', 'TF-CL'],
  },
  {
    id: 'RB-04',
    name: txt('4 号巡检机器人（危化品仓库、装卸站）', 'Robot 4 (hazmat warehouse and loading bay)'),
    model: MODEL_WHEELED,
    dock: [14, 124, 0],
    loop: [[10, 120], [190, 120], [190, 230], [10, 230]],
    areas: ['LOAD', 'WH'],
  },
  {
    id: 'RB-05',
    name: txt('5 号巡检机器人（加氢压缩机、精馏、公用工程）', 'Robot 5 (hydrogen compressors, distillation, utilities)'),
    model: MODEL_WHEELED,
    dock: [426, 224, 0],
    loop: [[420, 230], [650, 230], [650, 455], [420, 455]],
    areas: ['PROC', 'UTL'],
  },
];

interface Spot {
  s: number;
  x: number;
  y: number;
  eq: Equipment;
  /** Distance from the loop, m. */
  d: number;
}

/** Checkpoints of one loop (see the file comment). Throws when the loop faces nothing. */
export function loopCheckpoints(plant: Pick<Plant, 'equipment'>, spec: Pick<PatrolSpec, 'id' | 'loop' | 'areas'>): RobotCheckpoint[] {
  const pool = plant.equipment.filter((e) => spec.areas.includes(e.area) && rank(e.kind) < PRIORITY.length);
  if (pool.length === 0) throw new Error(`robots generator: ${spec.id} faces no equipment`);
  const n = spec.loop.length;
  const cum = [0];
  for (let k = 0; k < n; k++) {
    const [ax, ay] = spec.loop[k]!;
    const [bx, by] = spec.loop[(k + 1) % n]!;
    cum.push(cum[k]! + Math.hypot(bx - ax, by - ay));
  }
  const length = cum[n]!;
  const at = (s: number): [number, number] => {
    let k = 0;
    while (k < n - 1 && cum[k + 1]! <= s) k++;
    const [ax, ay] = spec.loop[k]!;
    const [bx, by] = spec.loop[(k + 1) % n]!;
    const f = (s - cum[k]!) / (cum[k + 1]! - cum[k]!);
    return [ax + f * (bx - ax), ay + f * (by - ay)];
  };
  const nearest = (x: number, y: number): Equipment =>
    pool.reduce((best, e) => (Math.hypot(e.position[0] - x, e.position[1] - y) < Math.hypot(best.position[0] - x, best.position[1] - y) ? e : best));

  // Where the loop faces each piece of equipment: its foot on the nearest leg.
  const faced: Spot[] = [];
  for (const eq of pool) {
    let best: Spot | null = null;
    for (let k = 0; k < n; k++) {
      const [ax, ay] = spec.loop[k]!;
      const [bx, by] = spec.loop[(k + 1) % n]!;
      const len = cum[k + 1]! - cum[k]!;
      const t = ((eq.position[0] - ax) * (bx - ax) + (eq.position[1] - ay) * (by - ay)) / (len * len);
      if (t <= 0 || t >= 1) continue;
      const x = ax + t * (bx - ax);
      const y = ay + t * (by - ay);
      const d = Math.hypot(eq.position[0] - x, eq.position[1] - y);
      if (d <= REACH_M && (!best || d < best.d)) best = { s: cum[k]! + t * len, x, y, eq, d };
    }
    if (best) faced.push(best);
  }
  faced.sort((a, b) => a.s - b.s || rank(a.eq.kind) - rank(b.eq.kind) || a.d - b.d);

  // Corners are always checkpoints (the robot turns there); then faced spots, merged when close.
  const spots: Spot[] = spec.loop.map(([x, y], k) => {
    const eq = nearest(x, y);
    return { s: cum[k]!, x, y, eq, d: Math.hypot(eq.position[0] - x, eq.position[1] - y) };
  });
  for (const f of faced) {
    const close = spots.find((p) => Math.min(Math.abs(p.s - f.s), length - Math.abs(p.s - f.s)) < MERGE_M);
    if (!close) spots.push(f);
    else if (rank(f.eq.kind) < rank(close.eq.kind) || (rank(f.eq.kind) === rank(close.eq.kind) && f.d < close.d)) {
      close.eq = f.eq;
      close.d = f.d;
    }
  }
  spots.sort((a, b) => a.s - b.s);

  // Fill long gaps with checkpoints facing the nearest equipment.
  const all: Spot[] = [];
  spots.forEach((p, i) => {
    all.push(p);
    const nextS = i + 1 < spots.length ? spots[i + 1]!.s : length;
    const gap = nextS - p.s;
    const extra = Math.ceil(gap / MAX_GAP_M) - 1;
    for (let j = 1; j <= extra; j++) {
      const s = p.s + (gap * j) / (extra + 1);
      const [x, y] = at(s);
      const eq = nearest(x, y);
      all.push({ s, x, y, eq, d: Math.hypot(eq.position[0] - x, eq.position[1] - y) });
    }
  });
  return all.map((p, i) => ({
    id: `${spec.id}-CP${String(i + 1).padStart(2, '0')}`,
    position: [r1(p.x), r1(p.y), 0],
    equipment: p.eq.id,
    // Too far for the thermal camera: gas and noise only.
    measure: p.d <= REACH_M ? measureFor(p.eq.kind) : ['gas', 'noise'],
    dwellS: p.d <= REACH_M ? 10 : 5,
  }));
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

export function buildRobots(plant: Pick<Plant, 'equipment'>): RobotsFile {
  const robots: RobotDef[] = PATROLS.map((p) => ({
    id: p.id,
    name: p.name,
    model: p.model,
    dock: p.dock,
    route: loopCheckpoints(plant, p),
    speedMS: 1,
    drainPctPerH: 12,
    chargePctPerH: 40,
    returnPct: 25,
    resumePct: 95,
  }));
  return { version: 1, robots, standards: ROBOT_STANDARDS };
}

/** The limits robot readings are compared with (docs/robots.md §Standards); ⚠ = secondary source or plant practice. */
export const ROBOT_STANDARDS: RobotStandard[] = [
  {
    sensor: 'thermal',
    equipmentTypes: ['pump'],
    limit: 80,
    majorLimit: 95,
    unit: '°C',
    text: txt('泵轴承箱表面温度', 'Pump bearing housing surface temperature'),
    source:
      'plant practice for rolling-bearing pumps: bearing temperature ≤ 80 °C (API 610 12th ed. / GB/T 3215-2019 bearing-housing limit 82 °C at 43 °C ambient ⚠); major at the plant\'s 95 °C bearing trip (tag HH, design)',
  },
  {
    sensor: 'thermal',
    equipmentTypes: ['compressor'],
    limit: 135,
    majorLimit: 150,
    unit: '°C',
    text: txt('压缩机排气管表面温度', 'Compressor discharge surface temperature'),
    source: 'API 618 5th ed. §6.1.4 (≈ GB/T 20322-2006): predicted discharge temperature ≤ 135 °C in hydrogen-rich service, ≤ 150 °C otherwise ⚠ (secondary reading of the clause)',
  },
  {
    sensor: 'thermal',
    equipmentTypes: ['reactor', 'column', 'vessel', 'exchanger', 'boiler', 'pipe_rack'],
    limit: 50,
    majorLimit: 60,
    unit: '°C',
    text: txt('保温设备外表面温度', 'Insulated equipment outer surface temperature'),
    source:
      'GB 50264-2013 (工业设备及管道绝热工程设计规范): insulation outer surface ≤ 50 °C at ambient ≤ 27 °C; 60 °C is its burn-protection (防烫伤) surface limit — used as major ⚠',
  },
  {
    sensor: 'thermal',
    equipmentTypes: ['sphere', 'tank', 'loading_arm', 'rack'],
    limit: 40,
    majorLimit: 50,
    unit: '°C',
    text: txt('常温储存设备表面温度', 'Ambient-storage shell surface temperature'),
    source:
      'design: products stored at ambient (20 °C), tag HH 40 °C; major at 50 °C, the design temperature for liquefied gas stored at ambient without insulation (TSG 21-2016 固定式压力容器安全技术监察规程 ⚠)',
  },
  {
    sensor: 'thermal',
    equipmentTypes: '*',
    limit: 60,
    majorLimit: 80,
    unit: '°C',
    text: txt('设备表面温度', 'Equipment surface temperature'),
    source: 'GB 50264-2013 burn-protection surface limit 60 °C ⚠; major 80 °C is plant practice ⚠',
  },
  {
    sensor: 'gas',
    equipmentTypes: '*',
    limit: 25,
    majorLimit: 50,
    unit: GAS_LEL,
    text: txt('可燃气体浓度', 'Combustible gas'),
    source: 'GB/T 50493-2019 §5.5: combustible first alarm (一级) ≤ 25 % LEL, second (二级) ≤ 50 % LEL',
  },
  {
    sensor: 'gas',
    equipmentTypes: '*',
    limit: 100,
    majorLimit: 200,
    unit: GAS_OEL,
    text: txt('有毒气体浓度（职业接触限值百分比）', 'Toxic gas (% of the occupational exposure limit)'),
    source: 'GB/T 50493-2019 §5.5: toxic first alarm (一级) ≤ 100 % OEL, second (二级) ≤ 200 % OEL; OEL per GBZ 2.1 (chemicals.json)',
  },
  {
    sensor: 'noise',
    equipmentTypes: '*',
    limit: 85,
    majorLimit: 115,
    unit: 'dB(A)',
    text: txt('噪声', 'Noise'),
    source: 'GBZ 2.2-2007 §11: 85 dB(A) for an 8-h working day; 115 dB(A) as the steady-noise ceiling of the former 工业企业噪声卫生标准 (plant practice) ⚠',
  },
];
