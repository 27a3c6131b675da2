import { BoxGeometry, CylinderGeometry, Group, SphereGeometry } from 'three';
import type { Equipment, Plant } from '../../../../shared/plant/schema';
import { equipmentColor } from '../palette';
import { disposeTree, type MapLayer } from './MapLayer';
import { staticInstances, type StaticInstance } from './staticInstances';

/** Top of a piece of equipment above grade, m (plant z up): where its sensors' markers float. */
export function equipmentTop(e: Equipment): number {
  const s = e.shape;
  const h = s.type === 'cylinder' ? s.height : s.type === 'box' ? s.size[2] : 2 * s.radius;
  return e.position[2] + h;
}

/** True when the plant point (x, y, z) lies inside the equipment's shape (ignoring rotation). */
export function equipmentContains(e: Equipment, x: number, y: number, z: number): boolean {
  const [ex, ey, ez] = e.position;
  const s = e.shape;
  if (z < ez - 0.01 || z > equipmentTop(e)) return false;
  if (s.type === 'cylinder') return Math.hypot(x - ex, y - ey) <= s.radius;
  if (s.type === 'box') return Math.abs(x - ex) <= s.size[0] / 2 && Math.abs(y - ey) <= s.size[1] / 2;
  return Math.hypot(x - ex, y - ey, z - (ez + s.radius)) <= s.radius;
}

/**
 * Equipment as one InstancedMesh per shape type (cylinders, boxes, spheres): three draw calls
 * however many items. Unit geometries stand on their base so that scale is (width, height, depth).
 */
export class EquipmentLayer implements MapLayer {
  readonly object = new Group();

  constructor(plant: Plant) {
    this.object.name = 'equipment';
    const cyl: StaticInstance[] = [];
    const box: StaticInstance[] = [];
    const sph: StaticInstance[] = [];
    for (const e of plant.equipment) {
      const [x, y, z] = e.position;
      const color = equipmentColor(e.kind);
      const s = e.shape;
      if (s.type === 'cylinder') cyl.push({ position: [x, z, -y], scale: [s.radius, s.height, s.radius], yaw: 0, color });
      else if (s.type === 'box') box.push({ position: [x, z, -y], scale: [s.size[0], s.size[2], s.size[1]], yaw: 0, color });
      else sph.push({ position: [x, z, -y], scale: [s.radius, s.radius, s.radius], yaw: 0, color });
    }
    this.object.add(
      staticInstances('equipment-cylinders', new CylinderGeometry(1, 1, 1, 20).translate(0, 0.5, 0), cyl),
      staticInstances('equipment-boxes', new BoxGeometry(1, 1, 1).translate(0, 0.5, 0), box),
      staticInstances('equipment-spheres', new SphereGeometry(1, 20, 12).translate(0, 1, 0), sph),
    );
  }

  dispose(): void {
    disposeTree(this.object);
  }
}
