import { BufferGeometry, DoubleSide, Float32BufferAttribute, Mesh, MeshLambertMaterial } from 'three';
import type { Plant } from '../../../../shared/plant/schema';
import { palette } from '../palette';
import { disposeTree, type MapLayer } from './MapLayer';

/** The road network as one merged mesh of flat strips (one draw call). */
export class RoadLayer implements MapLayer {
  readonly object: Mesh;

  constructor(plant: Plant) {
    const nodes = new Map(plant.roads.nodes.map((n) => [n.id, n.position]));
    const pos: number[] = [];
    for (const e of plant.roads.edges) {
      const a = nodes.get(e.from);
      const b = nodes.get(e.to);
      if (!a || !b) continue;
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy);
      if (len === 0) continue;
      // Half-width normal, extended at both ends so that strips meet at junctions.
      const nx = (-dy / len) * (e.widthM / 2);
      const ny = (dx / len) * (e.widthM / 2);
      const ex = (dx / len) * (e.widthM / 2);
      const ey = (dy / len) * (e.widthM / 2);
      const p = (x: number, y: number): void => void pos.push(x, 0, -y);
      const [ax, ay] = [a[0] - ex, a[1] - ey];
      const [bx, by] = [b[0] + ex, b[1] + ey];
      p(ax + nx, ay + ny);
      p(ax - nx, ay - ny);
      p(bx - nx, by - ny);
      p(ax + nx, ay + ny);
      p(bx - nx, by - ny);
      p(bx + nx, by + ny);
    }
    const geo = new BufferGeometry();
    geo.setAttribute('position', new Float32BufferAttribute(pos, 3));
    geo.computeVertexNormals();
    // Flat strips may face either way: draw both sides.
    this.object = new Mesh(geo, new MeshLambertMaterial({ color: palette.road, depthWrite: false, side: DoubleSide }));
    this.object.name = 'roads';
    this.object.renderOrder = -1;
    this.object.frustumCulled = false;
  }

  dispose(): void {
    disposeTree(this.object);
  }
}
