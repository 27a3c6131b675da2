import { plantSchema, type Plant } from '../../../shared/plant/schema';

/**
 * A small valid plant for the simulator's tests: two reactors, an atmospheric toluene tank, an
 * LPG sphere, a chlorine bullet with a ring of toxic detectors round it, a pump, a met mast and
 * a loose tag without equipment. Built in code so the tests do not depend on resources/.
 */
export function buildTestPlant(opts: { ringRadii?: number[]; ringSectors?: number } = {}): Plant {
  const ringRadii = opts.ringRadii ?? [5, 50, 300];
  const sectors = opts.ringSectors ?? 16;
  const name = (en: string): { zh: string; en: string } => ({ zh: en, en });
  const lim = (l: Partial<Record<'hh' | 'h' | 'l' | 'll', number>>) => ({ ...l, source: 'design basis (test)' });
  const tags: unknown[] = [];
  const tag = (id: string, kind: string, unit: string, lo: number, hi: number, limits: object, extra: object = {}): void => {
    tags.push({ id, name: name(id), area: 'A1', kind, unit, range: { lo, hi }, position: [0, 0, 1], limits, ...extra });
  };
  for (const r of ['R101', 'R102']) {
    const eq = { equipment: r };
    tag(`${r}-TT`, 'temperature', '°C', 0, 200, lim({ hh: 110, h: 100, l: 50 }), eq);
    tag(`${r}-TT-JACKET`, 'temperature', '°C', 0, 200, lim({ hh: 130, h: 120, l: 20 }), eq);
    tag(`${r}-PT`, 'pressure', 'barg', 0, 10, lim({ hh: 4, h: 3.5, l: 1 }), eq);
    tag(`${r}-LT`, 'level', '%', 0, 100, lim({ hh: 90, h: 85, l: 20 }), eq);
    tag(`${r}-FT`, 'flow', 'm³/h', 0, 20, lim({ h: 15, l: 2 }), eq);
    tag(`${r}-ST`, 'speed', 'rpm', 0, 300, lim({ h: 250, l: 60 }), eq);
  }
  const tank = (id: string, p: [number, number, number], l: object, pl: object, punit = 'kPa', prange: [number, number] = [-5, 20]): void => {
    const eq = { equipment: id, position: p };
    tag(`${id}-LT`, 'level', '%', 0, 100, lim({ hh: 95, h: 90, l: 10, ll: 5 }), eq);
    tag(`${id}-TT`, 'temperature', '°C', -40, 80, l, eq);
    tag(`${id}-PT`, 'pressure', punit, prange[0], prange[1], pl, eq);
  };
  tank('T201', [200, 100, 1], lim({ h: 45, l: -10 }), lim({ hh: 4, h: 3, l: -1 }));
  tank('S301', [300, 100, 1], lim({ h: 45, l: -20 }), lim({ hh: 1.6, h: 1.45, l: 0.2 }), 'MPa', [0, 2.5]);
  tank('V401', [400, 300, 1], lim({ h: 45, l: -20 }), lim({ hh: 12, h: 10, l: 1 }), 'barg', [0, 20]);
  tag('P501-FT', 'flow', 'm³/h', 0, 100, lim({ h: 80, l: 20 }), { equipment: 'P501' });
  tag('P501-PT', 'pressure', 'barg', 0, 16, lim({ h: 10 }), { equipment: 'P501' });
  tag('P501-VT', 'vibration', 'mm/s', 0, 20, lim({ hh: 11, h: 7.1 }), { equipment: 'P501' });
  tag('MET-WS', 'wind_speed', 'm/s', 0, 60, lim({ h: 13.8 }), { equipment: 'MET1' });
  tag('MET-WD', 'wind_direction', '°', 0, 360, { source: 'met station' }, { equipment: 'MET1' });
  tag('MET-AT', 'ambient_temperature', '°C', -40, 60, lim({ h: 40, l: -15 }), { equipment: 'MET1' });
  tag('MET-RH', 'humidity', '%', 0, 100, lim({ h: 100, l: 0 }), { equipment: 'MET1' });
  const center: [number, number] = [400, 300];
  ringRadii.forEach((radius) => {
    for (let s = 0; s < sectors; s++) {
      const bearing = (360 * s) / sectors;
      const rad = (bearing * Math.PI) / 180;
      const pos = [center[0] + radius * Math.sin(rad), center[1] + radius * Math.cos(rad), 0.5];
      tag(`GT-CL2-${radius}-${String(bearing).replace('.', '_')}`, 'gas_toxic', 'mg/m³', 0, 20, lim({ hh: 2, h: 1 }), { chemical: 'chlorine', position: pos });
    }
  });
  tag('GT-CL2-FAR-PPM', 'gas_toxic', 'ppm', 0, 10, lim({ hh: 0.69, h: 0.34 }), { chemical: 'chlorine', position: [400, 600, 0.5] });
  tag('GC-LPG-1', 'gas_combustible', '%LEL', 0, 100, lim({ hh: 50, h: 25 }), { chemical: 'lpg', position: [305, 100, 0.5] });
  tag('GC-TOL-1', 'gas_combustible', '%LEL', 0, 100, lim({ hh: 50, h: 25 }), { chemical: 'toluene', position: [205, 100, 0.5] });
  tag('OX-1', 'oxygen', '%vol', 0, 25, lim({ h: 23.5, l: 19.5 }), { position: [402, 300, 1] });
  tag('LOOSE-TT', 'temperature', '°C', 0, 100, lim({ h: 70, l: 10 }));

  const eq = (id: string, kind: string, pos: [number, number, number], extra: object = {}): object => ({
    id,
    area: 'A1',
    name: name(id),
    kind,
    position: pos,
    shape: { type: 'cylinder', radius: 2, height: 5 },
    ...extra,
  });
  return plantSchema.parse({
    meta: { id: 'test', name: name('Test plant'), description: name('Simulator test plant'), capacityKtPerYear: 1, extent: [600, 600], timezone: 'Asia/Shanghai', version: 1 },
    chemicals: [
      { id: 'chlorine', name: name('Chlorine'), formula: 'Cl2', cas: '7782-50-5', hazards: ['toxic', 'oxidiser'], molarMass: 70.9, oelMgM3: 1, idlhMgM3: 88, densityRatio: 2.44, source: 'GBZ 2.1 (test)' },
      { id: 'lpg', name: name('LPG'), formula: 'C3H8', cas: '74-98-6', hazards: ['flammable'], molarMass: 44.1, lelPctVol: 2.1, densityRatio: 1.52, source: 'test' },
      { id: 'toluene', name: name('Toluene'), formula: 'C7H8', cas: '108-88-3', hazards: ['flammable', 'toxic'], molarMass: 92.14, lelPctVol: 1.1, densityRatio: 3.18, source: 'test' },
    ],
    areas: [{ id: 'A1', name: name('Area'), kind: 'process', min: [0, 0], max: [600, 600], camera: { position: [0, 100, 100], target: [0, 0, 0] } }],
    buildings: [],
    equipment: [
      eq('R101', 'reactor', [100, 100, 0], { chemical: 'toluene', design: { temperatureC: 80, pressureBarg: 2.5, levelPct: 65, feedM3h: 8, agitatorRpm: 150 } }),
      eq('R102', 'reactor', [120, 100, 0], { chemical: 'toluene', design: { temperatureC: 75 } }),
      eq('T201', 'tank', [200, 100, 0], { chemical: 'toluene', design: { levelPct: 55, temperatureC: 20, pressureBarg: 0.01 } }),
      eq('S301', 'sphere', [300, 100, 0], { chemical: 'lpg', design: { levelPct: 60, temperatureC: 18, pressureBarg: 7.5, designPressureBarg: 16 } }),
      eq('V401', 'tank', [400, 300, 0], { chemical: 'chlorine', design: { levelPct: 50, temperatureC: 18, pressureBarg: 5.5 }, releaseSources: [[400, 300, 1]] }),
      eq('P501', 'pump', [210, 110, 0]),
      eq('MET1', 'met_mast', [10, 10, 0]),
    ],
    roads: { nodes: [{ id: 'n1', position: [0, 0] }, { id: 'n2', position: [100, 0] }], edges: [{ id: 'e1', from: 'n1', to: 'n2', widthM: 6 }], gates: [{ id: 'g1', name: name('Gate'), node: 'n1' }] },
    muster: [{ id: 'm1', name: name('Muster'), position: [0, 0, 0], capacity: 100 }],
    tags,
  });
}
