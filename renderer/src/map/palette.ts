import type { Building, Equipment } from '../../../shared/plant/schema';

/**
 * ISA-101 palette of the map: greys for everything that is normal (DOMAIN.md §2: grey
 * background, muted equipment), so that the reserved alarm colours of sensorStyle stand out.
 */
export const palette = {
  background: 0x7b7f84,
  ground: 0x9da0a4,
  areaFill: 0xa9acaf,
  areaOutline: 0x55595e,
  road: 0x686c71,
  selection: 0x1d5fd1,
} as const;

const buildingColors: Partial<Record<Building['kind'], number>> = {
  control_room: 0xc9c6bd,
  fire_station: 0xc4beb6,
  warehouse: 0xbdbab2,
};
export const buildingColor = (kind: Building['kind']): number => buildingColors[kind] ?? 0xc2c0ba;

const equipmentColors: Partial<Record<Equipment['kind'], number>> = {
  tank: 0xd0d2d3,
  sphere: 0xd6d7d8,
  reactor: 0xb8bcc0,
  column: 0xb3b7bb,
  pipe_rack: 0x8e9296,
  rack: 0x9a9da1,
  flare: 0x8f9397,
  cooling_tower: 0xbfc2c4,
};
export const equipmentColor = (kind: Equipment['kind']): number => equipmentColors[kind] ?? 0xaaaeb2;
