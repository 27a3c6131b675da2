import type { MusterPoint, Roads } from '../../../shared/plant/schema';
import { txt } from './builder';
import { EXTENT, ROAD_X, ROAD_Y } from './layout';

const nodeId = (x: number, y: number): string => `RN-${x}-${y}`;

/**
 * Road grid: a node at every crossing of ROAD_X and ROAD_Y, edges between neighbours (9 m on the
 * perimeter ring, 7 m inside), and three gates on spurs to the fence: main gate north, truck
 * gate west (loading bay, warehouse), emergency gate south.
 */
export function buildRoads(): Roads {
  const nodes: Roads['nodes'] = [];
  const edges: Roads['edges'] = [];
  for (const y of ROAD_Y) for (const x of ROAD_X) nodes.push({ id: nodeId(x, y), position: [x, y] });
  ROAD_Y.forEach((y, j) => {
    ROAD_X.forEach((x, i) => {
      const east = ROAD_X[i + 1];
      if (east !== undefined) {
        const w = y === ROAD_Y[0] || y === ROAD_Y[ROAD_Y.length - 1] ? 9 : 7;
        edges.push({ id: `RE-${x}-${y}-E`, from: nodeId(x, y), to: nodeId(east, y), widthM: w, name: txt(`纬${j + 1}路`, `East–west road ${j + 1}`) });
      }
      const north = ROAD_Y[j + 1];
      if (north !== undefined) {
        const w = x === ROAD_X[0] || x === ROAD_X[ROAD_X.length - 1] ? 9 : 7;
        edges.push({ id: `RE-${x}-${y}-N`, from: nodeId(x, y), to: nodeId(x, north), widthM: w, name: txt(`经${i + 1}路`, `North–south road ${i + 1}`) });
      }
    });
  });
  const gates: Roads['gates'] = [];
  const spur = (id: string, name: ReturnType<typeof txt>, at: [number, number], from: [number, number]): void => {
    nodes.push({ id: `RN-${id}`, position: at });
    edges.push({ id: `RE-${id}`, from: nodeId(from[0], from[1]), to: `RN-${id}`, widthM: 9, name });
    gates.push({ id, name, node: `RN-${id}` });
  };
  spur('GATE-N', txt('北大门（主门）', 'North gate (main)'), [190, EXTENT[1]], [190, 590]);
  spur('GATE-W', txt('西门（物流门）', 'West gate (trucks)'), [0, 120], [10, 120]);
  spur('GATE-S', txt('南门（应急门）', 'South gate (emergency)'), [650, 0], [650, 10]);
  return { nodes, edges, gates };
}

/**
 * Muster points near the four corners and the west side, so that for any wind direction at
 * least one lies upwind or crosswind of the process areas in the middle of the site.
 */
export function buildMuster(): MusterPoint[] {
  return [
    { id: 'MP-1', name: txt('1 号集合点（行政楼西北）', 'Muster point 1 (admin, north-west)'), position: [35, 570, 0], capacity: 300, area: 'ADM' },
    { id: 'MP-2', name: txt('2 号集合点（东北角）', 'Muster point 2 (north-east corner)'), position: [872, 576, 0], capacity: 150, area: 'WWT' },
    { id: 'MP-3', name: txt('3 号集合点（维修区西侧）', 'Muster point 3 (maintenance, west)'), position: [30, 300, 0], capacity: 200, area: 'MNT' },
    { id: 'MP-4', name: txt('4 号集合点（西南角）', 'Muster point 4 (south-west corner)'), position: [26, 26, 0], capacity: 100, area: 'LOAD' },
    { id: 'MP-5', name: txt('5 号集合点（南门）', 'Muster point 5 (south gate)'), position: [650, 3, 0], capacity: 120 },
  ];
}
