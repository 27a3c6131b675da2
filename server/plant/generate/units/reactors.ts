import { txt, type PlantBuilder } from '../builder';
import { placeDetectors } from '../detectors';
import { exchangerTags, pumpTags, pv, VIBRATION_BASIS, vesselTags } from '../instruments';
import { AREAS } from '../layout';
import type { Standards } from '../standards';
import type { Equipment } from '../../../../shared/plant/schema';

/** Batch recipes by solvent: operating temperature and pressure of the reactors that use it. */
const RECIPES = [
  { chemical: 'toluene', temperatureC: 85, pressureBarg: 1.5, density: 0.87 },
  { chemical: 'methanol', temperatureC: 60, pressureBarg: 0.8, density: 0.79 },
  { chemical: 'benzene', temperatureC: 75, pressureBarg: 1.2, density: 0.88 },
  { chemical: 'acetone', temperatureC: 50, pressureBarg: 0.6, density: 0.79 },
] as const;

const COLS = [226, 278, 330, 382];
const ROWS = [262, 302, 342, 382];
const VOLUME_M3 = 10;
const LEVEL_PCT = 65;

/** The fourteen instruments of a jacketed batch reactor. */
export function reactorTags(b: PlantBuilder, r: Equipment, temperatureC: number, pressureBarg: number, height: number): void {
  const T = temperatureC;
  const P = pressureBarg;
  b.tag(r, pv('TI-01', 'temperature', txt('釜内温度', 'bulk temperature'), '°C', [0, 200], T, { hh: T + 20, h: T + 10, l: T - 20 }, `batch recipe ${T} °C; HH starts emergency cooling (runaway), L reaction stalled (accumulation)`, [0.9, 0, height * 0.3]));
  b.tag(r, pv('TI-02', 'temperature', txt('釜内温度（冗余）', 'bulk temperature (redundant)'), '°C', [0, 200], T, { hh: T + 20, h: T + 10, l: T - 20 }, `second element for 2oo2 runaway interlock, batch recipe ${T} °C`, [-0.9, 0, height * 0.3]));
  b.tag(r, pv('TI-03', 'temperature', txt('夹套进水温度', 'jacket inlet temperature'), '°C', [-20, 150], 28, { h: 35 }, 'cooling water supply 28 °C; H reduces cooling margin', [0, 1.7, 0.8]));
  b.tag(r, pv('TI-04', 'temperature', txt('夹套出水温度', 'jacket outlet temperature'), '°C', [-20, 150], 38, { hh: 55, h: 48 }, 'cooling water return 38 °C; H/HH heat release above design', [0, 1.7, height - 0.8]));
  b.tag(r, pv('PI-01', 'pressure', txt('釜压', 'reactor pressure'), 'barg', [-1, 6], P, { hh: 3.4, h: 2.8, l: -0.5 }, `normal ${P} barg, design 4 barg, PSV 4 barg; HH at 85 % of PSV set`, [0.5, 0.5, height]));
  b.tag(r, pv('PI-02', 'pressure', txt('夹套压力', 'jacket pressure'), 'barg', [0, 10], 3, { h: 6, l: 1.5, ll: 1 }, 'cooling water header 3 barg; L/LL loss of cooling', [0, 1.7, 1.2]));
  b.tag(r, pv('LI-01', 'level', txt('液位', 'level'), '%', [0, 100], LEVEL_PCT, { hh: 90, h: 85, l: 10 }, `working volume ${LEVEL_PCT} %; H/HH overfill, L agitator blades uncovered`, [0.6, -0.6, height]));
  b.tag(r, pv('FI-01', 'flow', txt('进料流量', 'feed flow'), 'm³/h', [0, 10], 4, { hh: 7, h: 6 }, 'dosing 4 m³/h; H/HH dosing faster than the heat can be removed (accumulation)', [1.8, 0, 2]));
  b.tag(r, pv('FI-02', 'flow', txt('夹套冷却水流量', 'jacket cooling water flow'), 'm³/h', [0, 60], 30, { l: 20, ll: 12 }, 'cooling water 30 m³/h; L/LL loss of cooling', [-0.4, 1.8, 0.8]));
  b.tag(r, pv('FI-03', 'flow', txt('氮封流量', 'nitrogen purge flow'), 'Nm³/h', [0, 20], 5, { h: 12, l: 2 }, 'nitrogen inerting 5 Nm³/h; L inerting lost', [-0.5, 0.5, height]));
  b.tag(r, pv('SI-01', 'speed', txt('搅拌转速', 'agitator speed'), 'rpm', [0, 200], 120, { h: 150, l: 90, ll: 60 }, 'agitator 120 rpm; L/LL agitation lost (hot spots, accumulation)', [0, 0, height + 1]));
  b.tag(r, pv('ZI-01', 'valve_position', txt('进料阀开度', 'feed valve position'), '%', [0, 100], 45, { h: 95 }, 'feed control valve 45 % open; H valve at limit', [1.8, 0.4, 2]));
  b.tag(r, pv('ZI-02', 'valve_position', txt('冷却水阀开度', 'cooling water valve position'), '%', [0, 100], 50, { h: 95 }, 'cooling valve 50 % open; H cooling at its limit', [0.4, 1.8, 0.8]));
  b.tag(r, pv('VI-01', 'vibration', txt('搅拌器振动', 'agitator vibration'), 'mm/s', [0, 20], 2.5, { hh: 11, h: 7.1 }, VIBRATION_BASIS, [0.3, 0, height + 0.8]));
}

/** Reactor unit: 4 rows of 4 jacketed batch reactors, each with condenser, receiver and feed pump; a charging station per row. */
export function buildReactorUnit(b: PlantBuilder, std: Standards): void {
  const area = AREAS.RX.id;
  let n = 101;
  ROWS.forEach((cy, row) => {
    const recipe = RECIPES[row % RECIPES.length]!;
    const chem = b.chemical(recipe.chemical);
    for (const cx of COLS) {
      const id = String(n++);
      const rx = cx - 6;
      const H = 7;
      const r = b.equip({
        id: `R-${id}`,
        area,
        name: txt(`${id} 号反应釜（${chem.name.zh}）`, `Reactor R-${id} (${chem.name.en})`),
        kind: 'reactor',
        position: [rx, cy, 0],
        shape: { type: 'cylinder', radius: 1.6, height: H },
        chemical: recipe.chemical,
        inventoryT: Math.round(VOLUME_M3 * (LEVEL_PCT / 100) * recipe.density * 10) / 10,
        // agitator seal, manway flange, sample point, bottom drain valve
        releaseSources: [[rx, cy, H + 0.3], [rx + 0.7, cy + 0.3, H], [rx + 1.8, cy, 1.2], [rx, cy - 1.9, 0.4]],
        design: { volumeM3: VOLUME_M3, designPressureBarg: 4 },
      });
      reactorTags(b, r, recipe.temperatureC, recipe.pressureBarg, H);
      placeDetectors(b, std, r);

      const ex = cx - 3;
      const e = b.equip({
        id: `E-${id}`,
        area,
        name: txt(`R-${id} 回流冷凝器`, `R-${id} reflux condenser`),
        kind: 'exchanger',
        position: [ex, cy + 2.2, 8],
        shape: { type: 'box', size: [3.5, 0.9, 0.9] },
        chemical: recipe.chemical,
        inventoryT: 0.3,
        releaseSources: [[ex - 1.95, cy + 2.2, 8.45], [ex + 1.95, cy + 2.2, 8.45]],
      });
      exchangerTags(b, e, 35, 38, recipe.pressureBarg, 15);
      placeDetectors(b, std, e);

      const v = b.equip({
        id: `V-${id}`,
        area,
        name: txt(`R-${id} 冷凝液接收罐`, `R-${id} condensate receiver`),
        kind: 'vessel',
        position: [cx + 4, cy + 4, 0],
        shape: { type: 'cylinder', radius: 0.9, height: 2.4 },
        chemical: recipe.chemical,
        inventoryT: 0.8,
        releaseSources: [[cx + 4, cy + 2.9, 0.3], [cx + 5.1, cy + 4, 1]],
      });
      vesselTags(b, v, 40, recipe.pressureBarg, 35, 2, 2.4);
      placeDetectors(b, std, v);

      const p = b.equip({
        id: `P-${id}`,
        area,
        name: txt(`R-${id} 进料泵`, `R-${id} feed pump`),
        kind: 'pump',
        position: [cx + 4, cy - 5, 0],
        shape: { type: 'box', size: [1.4, 0.7, 0.9] },
        chemical: recipe.chemical,
        inventoryT: 0.05,
        releaseSources: [[cx + 3.6, cy - 5, 0.5]],
      });
      pumpTags(b, p, 4, 4);
      placeDetectors(b, std, p);
    }
    const cs = b.equip({
      id: `CS-${101 + row}`,
      area,
      name: txt(`${101 + row} 号投料站（${chem.name.zh}）`, `Charging station CS-${101 + row} (${chem.name.en})`),
      kind: 'charging_station',
      position: [401, cy, 0],
      shape: { type: 'box', size: [4, 3, 3] },
      chemical: recipe.chemical,
      inventoryT: 1.2,
      releaseSources: [[399.5, cy, 1.2], [401, cy - 1.6, 0.8]],
    });
    b.tag(cs, pv('LI-01', 'level', txt('料斗料位', 'hopper level'), '%', [0, 100], 50, { hh: 95, h: 90, l: 10 }, 'charging hopper 50 %; H/HH overfill, L empty', [0, 0, 3]));
    b.tag(cs, pv('FI-01', 'flow', txt('投料速率', 'charge rate'), 'kg/h', [0, 1500], 500, { hh: 1000, h: 800 }, 'charging 500 kg/h; H/HH faster than the batch sheet', [1, 0, 1.5]));
    b.tag(cs, pv('PI-01', 'pressure', txt('氮封压力', 'nitrogen blanket pressure'), 'barg', [0, 1], 0.2, { h: 0.5, l: 0.1, ll: 0.05 }, 'nitrogen blanket 0.2 barg; L/LL air ingress risk while charging', [-1, 0, 2.5]));
    placeDetectors(b, std, cs);
  });
}
