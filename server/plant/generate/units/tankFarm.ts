import { txt, type AreaSpec, type PlantBuilder } from '../builder';
import { placeDetectors } from '../detectors';
import { pumpTags, storageTags } from '../instruments';
import { AREAS } from '../layout';
import type { Standards } from '../standards';

interface TankDef {
  chemical: string;
  /** Offset of the tank centre from the dike's west edge. */
  dx: number;
  radius: number;
  height: number;
  levelPct: number;
  density: number;
  temperatureC: number;
}

const DIKES: { area: AreaSpec; tanks: TankDef[] }[] = [
  {
    area: AREAS.TF1,
    tanks: [
      { chemical: 'benzene', dx: 40, radius: 11, height: 15, levelPct: 62, density: 0.88, temperatureC: 20 },
      { chemical: 'benzene', dx: 105, radius: 11, height: 15, levelPct: 48, density: 0.88, temperatureC: 20 },
      { chemical: 'toluene', dx: 170, radius: 11, height: 15, levelPct: 55, density: 0.87, temperatureC: 20 },
    ],
  },
  {
    area: AREAS.TF2,
    tanks: [
      { chemical: 'toluene', dx: 40, radius: 11, height: 15, levelPct: 70, density: 0.87, temperatureC: 20 },
      { chemical: 'toluene', dx: 105, radius: 11, height: 15, levelPct: 35, density: 0.87, temperatureC: 20 },
      { chemical: 'acetone', dx: 170, radius: 9, height: 14, levelPct: 58, density: 0.79, temperatureC: 18 },
    ],
  },
  {
    area: AREAS.TF3,
    tanks: [
      { chemical: 'methanol', dx: 40, radius: 11, height: 15, levelPct: 66, density: 0.79, temperatureC: 20 },
      { chemical: 'methanol', dx: 105, radius: 11, height: 15, levelPct: 52, density: 0.79, temperatureC: 20 },
      { chemical: 'methanol', dx: 170, radius: 11, height: 15, levelPct: 40, density: 0.79, temperatureC: 20 },
    ],
  },
  {
    area: AREAS.TF4,
    tanks: [
      { chemical: 'ethanol', dx: 30, radius: 9, height: 14, levelPct: 60, density: 0.79, temperatureC: 20 },
      { chemical: 'ethanol', dx: 80, radius: 9, height: 14, levelPct: 45, density: 0.79, temperatureC: 20 },
      { chemical: 'caustic-soda', dx: 130, radius: 6, height: 10, levelPct: 50, density: 1.35, temperatureC: 25 },
      { chemical: 'caustic-soda', dx: 175, radius: 6, height: 10, levelPct: 72, density: 1.35, temperatureC: 25 },
    ],
  },
];

/**
 * Atmospheric tank farm: four dikes of fixed-roof tanks (TK-201…), each tank with duty and stand-by
 * transfer pumps (P-2xxA/B) on the south side where its nozzles, drain, sample point and breather vent are.
 */
export function buildTankFarm(b: PlantBuilder, std: Standards): void {
  let n = 201;
  for (const dike of DIKES) {
    const [x0, y0] = dike.area.min;
    for (const t of dike.tanks) {
      const id = String(n++);
      const chem = b.chemical(t.chemical);
      const x = x0 + t.dx;
      const y = y0 + 55;
      const south = y - t.radius - 0.3;
      const volume = Math.PI * t.radius * t.radius * t.height;
      const tank = b.equip({
        id: `TK-${id}`,
        area: dike.area.id,
        name: txt(`${id} 号${chem.name.zh}储罐`, `Tank TK-${id} (${chem.name.en})`),
        kind: 'tank',
        position: [x, y, 0],
        shape: { type: 'cylinder', radius: t.radius, height: t.height },
        chemical: t.chemical,
        inventoryT: Math.round(volume * (t.levelPct / 100) * t.density),
        // inlet flange, outlet flange, drain, sample point, breather vent on the roof edge
        releaseSources: [[x - 3, south, 0.8], [x + 3, south, 0.6], [x, south, 0.3], [x + 1.2, south + 0.1, 1.2], [x, y - t.radius + 0.6, t.height + 0.3]],
        design: { capacityM3: Math.round(volume) },
      });
      storageTags(b, tank, { levelPct: t.levelPct, temperatureC: t.temperatureC, pressureBarg: 0.005, inM3h: 0, outM3h: 40, height: t.height, pressured: false });
      placeDetectors(b, std, tank);

      // duty and stand-by transfer pumps
      for (const [suffix, dx, zh, en] of [['A', -1.5, '输送泵（主）', 'transfer pump (duty)'], ['B', 1.5, '输送泵（备）', 'transfer pump (stand-by)']] as const) {
        const px = x + dx;
        const pump = b.equip({
          id: `P-${id}${suffix}`,
          area: dike.area.id,
          name: txt(`TK-${id} ${zh}`, `TK-${id} ${en}`),
          kind: 'pump',
          position: [px, y0 + 16, 0],
          shape: { type: 'box', size: [1.6, 0.8, 1] },
          chemical: t.chemical,
          inventoryT: 0.1,
          releaseSources: [[px - 0.5, y0 + 16, 0.5]],
        });
        pumpTags(b, pump, 6, 40);
        placeDetectors(b, std, pump);
      }
    }
  }
}
