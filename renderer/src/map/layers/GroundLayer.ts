import { BufferGeometry, Float32BufferAttribute, Group, LineBasicMaterial, LineSegments, Mesh, MeshLambertMaterial, PlaneGeometry } from 'three';
import type { Plant } from '../../../../shared/plant/schema';
import { palette } from '../palette';
import { disposeTree, type MapLayer } from './MapLayer';

/** Margin of ground drawn around the plant's extent, m. */
const MARGIN = 60;

/**
 * The ground, the areas' footprints and their outlines: three draw calls. All flat at grade, so
 * they are drawn first without writing depth (no z-fighting, nothing lies below them).
 */
export class GroundLayer implements MapLayer {
  readonly object = new Group();

  constructor(plant: Plant) {
    this.object.name = 'ground';
    const [w, d] = plant.meta.extent;
    const plane = new PlaneGeometry(w + 2 * MARGIN, d + 2 * MARGIN);
    plane.rotateX(-Math.PI / 2);
    plane.translate(w / 2, 0, -d / 2);
    const ground = new Mesh(plane, flat(palette.ground));
    ground.renderOrder = -3;

    const fills: number[] = [];
    const lines: number[] = [];
    for (const a of plant.areas) {
      const [x0, y0] = a.min;
      const [x1, y1] = a.max;
      // Two triangles, counter-clockwise seen from above (+y in scene).
      fills.push(x0, 0, -y0, x1, 0, -y0, x1, 0, -y1, x0, 0, -y0, x1, 0, -y1, x0, 0, -y1);
      lines.push(x0, 0, -y0, x1, 0, -y0, x1, 0, -y0, x1, 0, -y1, x1, 0, -y1, x0, 0, -y1, x0, 0, -y1, x0, 0, -y0);
    }
    const fillGeo = new BufferGeometry();
    fillGeo.setAttribute('position', new Float32BufferAttribute(fills, 3));
    fillGeo.computeVertexNormals();
    const areaFill = new Mesh(fillGeo, flat(palette.areaFill));
    areaFill.renderOrder = -2;

    const lineGeo = new BufferGeometry();
    lineGeo.setAttribute('position', new Float32BufferAttribute(lines, 3));
    const outline = new LineSegments(lineGeo, new LineBasicMaterial({ color: palette.areaOutline, depthWrite: false }));
    outline.renderOrder = -1;

    for (const o of [ground, areaFill, outline]) {
      o.frustumCulled = false;
      this.object.add(o);
    }
  }

  dispose(): void {
    disposeTree(this.object);
  }
}

function flat(color: number): MeshLambertMaterial {
  return new MeshLambertMaterial({ color, depthWrite: false });
}
