import type { Interlock } from '../../../shared/plant/alarmConfig';
import type { Equipment, Plant } from '../../../shared/plant/schema';
import { txt } from './builder';

/**
 * Safety interlocks (SIS trips) of the reference plant, derived from the generated equipment and
 * tags so ids always match. SIL values and LOPA scenario numbers are those of the fictional
 * plant's design basis; the regulatory clauses say why the trip must exist.
 */

const RX_SOURCE =
  'design: LOPA scenario LOPA-{id}-01 (runaway on feed accumulation: dosing continues while heat removal is lost), SIL 2; 安监总管三〔2009〕116号 key supervised processes: feed cut-off and emergency-stop interlocks (recalled ⚠ verify)';
const LIQUEFIED_SOURCE =
  '安监总管三〔2017〕121号 item 5: major-hazard toxic or liquefied-gas tank farms need an independent SIS (DOMAIN.md §4); design: LOPA scenario LOPA-{id}-{n} ({what})';

function need(plant: Plant, tag: string): string {
  if (!plant.tags.some((t) => t.id === tag)) throw new Error(`interlock generator: tag ${tag} is missing from the plant`);
  return tag;
}

/** Reactor pressure HH closes the feed valve and stops the agitator. */
function reactorTrip(plant: Plant, e: Equipment): Interlock {
  return {
    id: `SIS-${e.id}-P`,
    name: txt(`${e.id} 釜压高高联锁`, `${e.id} reactor pressure HH trip`),
    area: e.area,
    equipment: e.id,
    sil: 2,
    trigger: { tag: need(plant, `${e.id}.PI-01`), limit: 'HH' },
    actions: [
      { tag: need(plant, `${e.id}.ZI-01`), value: 0, description: txt('关闭进料阀（切断进料）', 'close the feed valve (feed cut off)') },
      { tag: need(plant, `${e.id}.SI-01`), value: 0, description: txt('停搅拌', 'trip the agitator') },
    ],
    source: RX_SOURCE.replace('{id}', e.id),
  };
}

/** Independent level HH of a liquefied-gas sphere closes its inlet emergency shut-off valve. */
function overfillTrip(plant: Plant, e: Equipment, what: string): Interlock {
  return {
    id: `SIS-${e.id}-L`,
    name: txt(`${e.id} 液位高高联锁（防满溢）`, `${e.id} level HH overfill trip`),
    area: e.area,
    equipment: e.id,
    sil: 2,
    trigger: { tag: need(plant, `${e.id}.LI-02`), limit: 'HH' },
    actions: [{ tag: need(plant, `${e.id}.ZI-01`), value: 0, description: txt('关闭进料紧急切断阀', 'close the inlet emergency shut-off valve') }],
    source: LIQUEFIED_SOURCE.replace('{id}', e.id).replace('{n}', '01').replace('{what}', `${what} overfill`),
  };
}

/** Vapour pressure HH of a chlorine bullet closes its inlet emergency shut-off valve. */
function chlorinePressureTrip(plant: Plant, e: Equipment): Interlock {
  return {
    id: `SIS-${e.id}-P`,
    name: txt(`${e.id} 液氯储罐压力高高联锁`, `${e.id} chlorine bullet pressure HH trip`),
    area: e.area,
    equipment: e.id,
    sil: 2,
    trigger: { tag: need(plant, `${e.id}.PI-01`), limit: 'HH' },
    actions: [{ tag: need(plant, `${e.id}.ZI-01`), value: 0, description: txt('关闭进料紧急切断阀（停止充装）', 'close the inlet emergency shut-off valve (stop filling)') }],
    source: LIQUEFIED_SOURCE.replace('{id}', e.id).replace('{n}', '02').replace('{what}', 'chlorine overpressure while filling'),
  };
}

export function buildInterlocks(plant: Plant): Interlock[] {
  const out: Interlock[] = [];
  for (const e of plant.equipment) {
    if (e.kind === 'reactor') out.push(reactorTrip(plant, e));
    else if (e.kind === 'sphere' && e.chemical === 'lpg') out.push(overfillTrip(plant, e, 'LPG'));
    else if (e.kind === 'sphere' && e.chemical === 'ammonia') out.push(overfillTrip(plant, e, 'ammonia'));
    else if (e.kind === 'tank' && e.chemical === 'chlorine') out.push(chlorinePressureTrip(plant, e));
  }
  return out;
}
