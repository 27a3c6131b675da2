import type { AreaSpec } from './builder';
import { txt } from './builder';

/**
 * Site plan of the reference plant, 900 m east × 600 m north. Roads run on a grid (ROAD_X, ROAD_Y);
 * areas fill the blocks between them, so every area borders a road. North row: admin, fire,
 * control room, utilities, wastewater (upwind of the process in the prevailing north-easterly of
 * the fictional site). Middle row: maintenance, reactors, process, chlorine storage; the pipe
 * rack runs along its north edge. South rows: loading bay, hazmat warehouse, tank-farm dikes,
 * ammonia and LPG spheres.
 */
export const EXTENT: [number, number] = [900, 600];
export const ROAD_X = [10, 190, 420, 650, 890] as const;
export const ROAD_Y = [10, 120, 230, 455, 590] as const;

export const AREAS = {
  ADM: { id: 'ADM', kind: 'admin', name: txt('行政办公区', 'Administration'), min: [20, 465], max: [180, 580] },
  FIRE: { id: 'FIRE', kind: 'fire_station', name: txt('消防站', 'Fire station'), min: [200, 465], max: [290, 580] },
  CCR: { id: 'CCR', kind: 'control_room', name: txt('中央控制室', 'Central control room'), min: [310, 465], max: [410, 580] },
  UTL: { id: 'UTL', kind: 'utilities', name: txt('公用工程区', 'Utilities'), min: [430, 465], max: [640, 580] },
  WWT: { id: 'WWT', kind: 'wastewater', name: txt('污水处理站', 'Wastewater treatment'), min: [660, 465], max: [880, 580] },
  PR: { id: 'PR', kind: 'pipe_rack', name: txt('主管廊', 'Main pipe rack'), min: [200, 426], max: [880, 446] },
  MNT: { id: 'MNT', kind: 'admin', name: txt('维修及化验区', 'Maintenance and laboratory'), min: [20, 240], max: [180, 420] },
  RX: { id: 'RX', kind: 'reactor', name: txt('反应釜单元', 'Reactor unit'), min: [200, 240], max: [410, 420] },
  PROC: { id: 'PROC', kind: 'process', name: txt('精馏及加氢单元', 'Distillation and hydrogenation unit'), min: [430, 240], max: [640, 420] },
  TFCL: { id: 'TF-CL', kind: 'tank_farm', name: txt('液氯储存区', 'Chlorine storage'), min: [660, 240], max: [880, 420] },
  WH: { id: 'WH', kind: 'warehouse', name: txt('危化品仓库', 'Hazmat warehouse'), min: [20, 130], max: [180, 220] },
  LOAD: { id: 'LOAD', kind: 'loading', name: txt('装卸站', 'Truck loading bay'), min: [20, 20], max: [180, 110] },
  TF1: { id: 'TF-D1', kind: 'tank_farm', name: txt('罐区 1 号防火堤（苯、甲苯）', 'Tank farm dike 1 (benzene, toluene)'), min: [200, 20], max: [410, 110] },
  TF2: { id: 'TF-D2', kind: 'tank_farm', name: txt('罐区 2 号防火堤（甲苯、丙酮）', 'Tank farm dike 2 (toluene, acetone)'), min: [200, 130], max: [410, 220] },
  TF3: { id: 'TF-D3', kind: 'tank_farm', name: txt('罐区 3 号防火堤（甲醇）', 'Tank farm dike 3 (methanol)'), min: [430, 20], max: [640, 110] },
  TF4: { id: 'TF-D4', kind: 'tank_farm', name: txt('罐区 4 号防火堤（乙醇、液碱）', 'Tank farm dike 4 (ethanol, caustic soda)'), min: [430, 130], max: [640, 220] },
  NH3: { id: 'TF-NH3', kind: 'tank_farm', name: txt('液氨球罐区', 'Ammonia spheres'), min: [660, 130], max: [880, 220] },
  LPG: { id: 'TF-LPG', kind: 'tank_farm', name: txt('液化石油气球罐区', 'LPG spheres'), min: [660, 20], max: [880, 110] },
} satisfies Record<string, AreaSpec>;
