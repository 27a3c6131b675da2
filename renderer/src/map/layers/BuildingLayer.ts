import { BoxGeometry } from 'three';
import type { Plant } from '../../../../shared/plant/schema';
import { buildingColor } from '../palette';
import { disposeTree, type MapLayer } from './MapLayer';
import { staticInstances, type StaticInstance } from './staticInstances';

/** Buildings as instanced boxes standing on their footprint (one draw call). */
export class BuildingLayer implements MapLayer {
  readonly object;

  constructor(plant: Plant) {
    const box = new BoxGeometry(1, 1, 1).translate(0, 0.5, 0);
    const items: StaticInstance[] = plant.buildings.map((b) => ({
      position: [b.position[0], b.position[2], -b.position[1]],
      scale: [b.size[0], b.size[2], b.size[1]],
      yaw: ((b.rotationDeg ?? 0) * Math.PI) / 180,
      color: buildingColor(b.kind),
    }));
    this.object = staticInstances('buildings', box, items);
  }

  dispose(): void {
    disposeTree(this.object);
  }
}
