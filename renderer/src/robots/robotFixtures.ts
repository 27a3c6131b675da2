import type { RobotsFile, RobotStatus } from '../../../shared/robots/model';

/** Two robots on the unit-test plant (renderer/src/testing/testPlant): routes round R-101 and T-201/P-201. */
export function testRobots(): RobotsFile {
  const cp = (id: string, position: [number, number, number], equipment: string, measure: ('thermal' | 'gas' | 'noise')[]) => ({ id, position, equipment, measure, dwellS: 10 });
  return {
    version: 1,
    robots: [
      {
        id: 'RB-1',
        name: { zh: '巡检一号', en: 'Rover 1' },
        model: 'explosion-proof wheeled',
        dock: [30, 30, 0],
        route: [cp('CP-1', [14, 10, 0], 'R-101', ['thermal', 'noise']), cp('CP-2', [20, 20, 0], 'R-101', ['gas'])],
        speedMS: 1,
        drainPctPerH: 12,
        chargePctPerH: 40,
        returnPct: 25,
        resumePct: 95,
      },
      {
        id: 'RB-2',
        name: { zh: '巡检二号', en: 'Rover 2' },
        model: 'rail-mounted',
        dock: [55, 5, 0],
        route: [cp('CP-3', [60, 10, 0], 'T-201', ['thermal', 'gas']), cp('CP-4', [70, 14, 0], 'P-201', ['noise'])],
        speedMS: 1,
        drainPctPerH: 12,
        chargePctPerH: 40,
        returnPct: 25,
        resumePct: 95,
      },
    ],
    standards: [
      { sensor: 'thermal', equipmentTypes: ['pump'], limit: 70, unit: '°C', majorLimit: 90, text: { zh: '泵体温度', en: 'Pump casing temperature' }, source: 'test' },
      { sensor: 'thermal', equipmentTypes: '*', limit: 60, unit: '°C', text: { zh: '设备表面温度', en: 'Equipment surface temperature' }, source: 'test' },
      { sensor: 'gas', equipmentTypes: '*', limit: 25, unit: '%LEL', majorLimit: 50, text: { zh: '可燃气体', en: 'Combustible gas' }, source: 'test' },
    ],
  };
}

/** A status of robot `id` at `time`, patrolling with 80 % battery unless told otherwise. */
export function status(id: string, time: number, over: Partial<RobotStatus> = {}): RobotStatus {
  return { id, state: 'patrolling', position: [0, 0, 0], heading: 0, batteryPct: 80, nextCheckpoint: 0, readings: {}, time, ...over };
}
