import type { Chemical, Equipment, Plant, Tag, TagKind } from '../../shared/plant/schema';
import { Ch, NCH, channelOf, designKeys, type Channel } from './channels';
import { atRangeEdge, bandAround, clampIntoBand, defaultOperatingPoint, insideBand } from './operatingPoint';
import { unitConversion, type Affine } from './unitConvert';
import { designKeyOf } from '../plant/designKeys';

/** Which model a unit runs. Unit 0 is always the met station. */
export type UnitKind = 'met' | 'reactor' | 'tank' | 'rotating' | 'generic';

export interface UnitInfo {
  index: number;
  kind: UnitKind;
  equipment?: Equipment;
  chemical?: Chemical;
  /** Whether each channel was converted to canonical units (physics like vapour pressure needs it). */
  canonical: boolean[];
  /** Primary tag of each channel (-1 if none): restore() reads the unit's state back from it. */
  primary: Int32Array;
}

/** How a tag's value is produced. */
export const TagSrc = { Channel: 0, Gas: 1, WindDir: 2, Standalone: 3 } as const;

/**
 * The flattened model: per-unit channel state and per-tag mapping. A tag on a channel reads
 *   value = op + (x − xd) · (x ≥ xd ? kUp : kDown) + drift + noise
 * so a tag in a convertible unit reads the physical value, and any other tag moves by the same
 * fraction of its own alarm margin as the channel moves of the primary tag's.
 */
export interface Layout {
  units: UnitInfo[];
  /** The plant's tags, by index. */
  tags: readonly Tag[];
  /** Current channel values, [unit * NCH + channel]. */
  x: Float64Array;
  /** Design (normal) channel values and the margins to the primary tag's first limits. */
  xd: Float64Array;
  up: Float64Array;
  down: Float64Array;
  src: Uint8Array;
  unit: Uint32Array;
  ch: Uint8Array;
  op: Float64Array;
  kUp: Float64Array;
  kDown: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  noise: Float64Array;
  driftSigma: Float64Array;
  periodMs: Float64Array;
  /** Tag indices of gas detectors (combustible, toxic, oxygen). */
  detectors: number[];
}

const noiseFraction: Record<TagKind, number> = {
  temperature: 0.01,
  pressure: 0.012,
  level: 0.006,
  flow: 0.025,
  speed: 0.006,
  vibration: 0.04,
  valve_position: 0.008,
  ambient_temperature: 0.004,
  humidity: 0.008,
  wind_speed: 0,
  wind_direction: 0,
  gas_combustible: 0.006,
  gas_toxic: 0.01,
  oxygen: 0.01,
};
const driftFraction = 0.03;

/** Met-station design values when neither the plant nor the options give one. */
export const metDefaults: Record<number, number> = { [Ch.WS]: 2.5, [Ch.WD]: 135, [Ch.AT]: 16, [Ch.RH]: 65 };
const metFallbackMargins: Record<number, [number, number]> = { [Ch.WS]: [12, 2.5], [Ch.WD]: [180, 180], [Ch.AT]: [20, 20], [Ch.RH]: [30, 45] };

function unitKindOf(e: Equipment): UnitKind {
  switch (e.kind) {
    case 'reactor':
      return 'reactor';
    case 'tank':
    case 'sphere':
      return 'tank';
    case 'pump':
    case 'compressor':
      return 'rotating';
    default:
      return 'generic';
  }
}

const isMet = (ch: Channel): boolean => ch === Ch.WS || ch === Ch.WD || ch === Ch.AT || ch === Ch.RH;

export interface LayoutOptions {
  periodMs?: number;
  /** Met design values (canonical units) that override the plant's. */
  met?: Partial<Record<Channel, number>>;
}

export function buildLayout(plant: Plant, opts: LayoutOptions = {}): Layout {
  const tags = plant.tags;
  const n = tags.length;
  const chemicals = new Map(plant.chemicals.map((c) => [c.id, c]));
  const equipment = new Map(plant.equipment.map((e) => [e.id, e]));
  const units: UnitInfo[] = [];
  const unitOf = new Map<string, number>();
  const newUnit = (kind: UnitKind, e?: Equipment): UnitInfo => {
    const u: UnitInfo = {
      index: units.length,
      kind,
      equipment: e,
      chemical: e?.chemical !== undefined ? chemicals.get(e.chemical) : undefined,
      canonical: new Array<boolean>(NCH).fill(false),
      primary: new Int32Array(NCH).fill(-1),
    };
    units.push(u);
    return u;
  };
  newUnit('met');
  const metDesign: Partial<Record<Channel, number>> = {};
  for (const e of plant.equipment) {
    if (e.kind !== 'met_mast') continue;
    for (const ch of [Ch.WS, Ch.WD, Ch.AT, Ch.RH] as Channel[]) {
      const key = designKeys[ch].find((k) => e.design[k] !== undefined);
      if (key !== undefined && metDesign[ch] === undefined) metDesign[ch] = e.design[key];
    }
  }

  const L: Layout = {
    units,
    tags,
    x: new Float64Array(0),
    xd: new Float64Array(0),
    up: new Float64Array(0),
    down: new Float64Array(0),
    src: new Uint8Array(n),
    unit: new Uint32Array(n),
    ch: new Uint8Array(n),
    op: new Float64Array(n),
    kUp: new Float64Array(n).fill(1),
    kDown: new Float64Array(n).fill(1),
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    noise: new Float64Array(n),
    driftSigma: new Float64Array(n),
    periodMs: new Float64Array(n),
    detectors: [],
  };

  // Group tags by (unit, channel).
  const groups = new Map<number, number[]>();
  tags.forEach((t, i) => {
    L.lo[i] = t.range.lo;
    L.hi[i] = t.range.hi;
    L.periodMs[i] = opts.periodMs ?? t.periodMs;
    const e = t.equipment !== undefined ? equipment.get(t.equipment) : undefined;
    const ch = channelOf(t.kind, `${t.id} ${t.name.en} ${t.name.zh}`, e?.kind === 'reactor');
    if (ch === null) {
      L.src[i] = TagSrc.Gas;
      L.detectors.push(i);
      const op = t.kind === 'oxygen' && /%/.test(t.unit) ? 20.9 : t.range.lo;
      L.op[i] = op;
      L.noise[i] = noiseFraction[t.kind] * Math.max(0, (t.limits.h ?? t.limits.hh ?? t.range.hi) - op);
      return;
    }
    let u: number;
    if (isMet(ch)) u = 0;
    else if (e !== undefined) {
      const known = unitOf.get(e.id);
      u = known ?? newUnit(unitKindOf(e), e).index;
      unitOf.set(e.id, u);
    } else {
      L.src[i] = TagSrc.Standalone;
      const op = defaultOperatingPoint(t);
      const b = bandAround(t, op);
      L.op[i] = op;
      L.noise[i] = noiseFraction[t.kind] * Math.min(b.up, b.down);
      L.driftSigma[i] = 2 * driftFraction * Math.min(b.up, b.down);
      return;
    }
    L.src[i] = ch === Ch.WD ? TagSrc.WindDir : TagSrc.Channel;
    L.unit[i] = u;
    L.ch[i] = ch;
    const key = u * NCH + ch;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });

  const nu = units.length;
  L.x = new Float64Array(nu * NCH);
  L.xd = new Float64Array(nu * NCH);
  L.up = new Float64Array(nu * NCH).fill(1);
  L.down = new Float64Array(nu * NCH).fill(1);
  for (const ch of [Ch.WS, Ch.WD, Ch.AT, Ch.RH] as Channel[]) {
    L.xd[ch] = opts.met?.[ch] ?? metDesign[ch] ?? metDefaults[ch] ?? 0;
    const m = metFallbackMargins[ch] ?? [1, 1];
    L.up[ch] = m[0];
    L.down[ch] = m[1];
  }

  for (const [key, members] of groups) {
    const u = Math.floor(key / NCH);
    const ch = (key % NCH) as Channel;
    const info = units[u] as UnitInfo;
    const e = info.equipment;
    const channelKey = e ? designKeys[ch].find((k) => e.design[k] !== undefined) : undefined;
    const channelDesign = isMet(ch) ? L.xd[key] : channelKey !== undefined ? e?.design[channelKey] : undefined;
    const list = members.map((i) => {
      const t = tags[i] as Tag;
      const own = e ? designKeyOf(e.kind, t.id, e.id) : undefined;
      return { i, t, design: own !== undefined && !isMet(ch) ? e?.design[own] : undefined };
    });
    setupChannel(L, info, ch, list, channelDesign);
  }
  L.x.set(L.xd);
  return L;
}

interface Member {
  i: number;
  t: Tag;
  /** The tag's own design value from its equipment (tag units), when the plant names one. */
  design: number | undefined;
}

/**
 * Fixes a channel's design value and margins from its primary tag (the first whose unit converts
 * to canonical units), then maps every tag on it. `channelDesign` is an equipment-level value in
 * canonical units (temperatureC, pressureBarg…), used when the primary has no design of its own.
 */
function setupChannel(L: Layout, info: UnitInfo, ch: Channel, members: readonly Member[], channelDesign: number | undefined): void {
  const key = info.index * NCH + ch;
  const first = members[0] as Member;
  if (ch === Ch.WD) {
    info.primary[ch] = first.i;
    info.canonical[ch] = true;
    return;
  }
  const convertible = ch === Ch.TJ ? undefined : members.find((m) => unitConversion(ch, m.t.unit) !== null);
  if (ch === Ch.TJ) {
    // Jacket and coolant temperatures differ too much from one another (supply, return, bulk)
    // to share a physical value: the channel carries a normalised heat duty in [-1, 1].
    L.xd[key] = 0;
    L.up[key] = 1;
    L.down[key] = 1;
    info.primary[ch] = first.i;
  } else if (convertible) {
    const c = unitConversion(ch, convertible.t.unit) as Affine;
    const d = convertible.design ?? (channelDesign !== undefined ? channelDesign * c.scale + c.offset : undefined);
    const op = d !== undefined ? clampIntoBand(convertible.t, d) : defaultOperatingPoint(convertible.t);
    const b = bandAround(convertible.t, op);
    L.xd[key] = (op - c.offset) / c.scale;
    L.up[key] = b.up / c.scale;
    L.down[key] = b.down / c.scale;
    info.primary[ch] = convertible.i;
    info.canonical[ch] = true;
  } else {
    info.primary[ch] = first.i;
    if (!isMet(ch)) {
      const b = bandAround(first.t, first.design !== undefined ? clampIntoBand(first.t, first.design) : defaultOperatingPoint(first.t));
      L.xd[key] = b.op;
      L.up[key] = b.up;
      L.down[key] = b.down;
    }
  }
  const xd = L.xd[key] as number;
  const up = L.up[key] as number;
  const down = L.down[key] as number;
  for (const { i, t, design } of members) {
    // A tag reads the channel's physical value when its unit converts and its design agrees
    // with the channel's; otherwise it moves by the same fraction of its own margins.
    const c = info.canonical[ch] ? unitConversion(ch, t.unit) : i === info.primary[ch] && !isMet(ch) && ch !== Ch.TJ ? { scale: 1, offset: 0 } : null;
    const atDesign = c ? xd * c.scale + c.offset : NaN;
    const op = design !== undefined ? clampIntoBand(t, design) : c && insideBand(t, atDesign) ? atDesign : defaultOperatingPoint(t);
    const b = bandAround(t, op);
    L.op[i] = op;
    if (c && Math.abs(op - atDesign) <= 1e-9 * (1 + Math.abs(op))) {
      L.kUp[i] = c.scale;
      L.kDown[i] = c.scale;
    } else {
      L.kUp[i] = b.up / up;
      L.kDown[i] = b.down / down;
    }
    const m = Math.min(b.up, b.down);
    L.noise[i] = noiseFraction[t.kind] * m;
    L.driftSigma[i] = isMet(ch) ? 0 : driftFraction * m;
    if (atRangeEdge(t, op) && !isMet(ch)) {
      L.kUp[i] = 0;
      L.kDown[i] = 0;
      L.noise[i] = 0;
      L.driftSigma[i] = 0;
    }
  }
}
