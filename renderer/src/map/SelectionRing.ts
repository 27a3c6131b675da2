import { Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import type { SensorLayer } from './layers/SensorLayer';
import { palette } from './palette';

/** The ring drawn under the selected sensor marker (over everything, never hidden by equipment). */
export class SelectionRing {
  readonly mesh: Mesh<RingGeometry, MeshBasicMaterial>;

  constructor() {
    this.mesh = new Mesh(new RingGeometry(0.9, 1.25, 32).rotateX(-Math.PI / 2), new MeshBasicMaterial({ color: palette.selection, depthTest: false, transparent: true }));
    this.mesh.renderOrder = 10;
    this.mesh.visible = false;
  }

  /** Drawn at (almost) zero size so that its shader compiles with the first frame of a plant. */
  warmUp(): void {
    this.mesh.scale.setScalar(1e-6);
    this.mesh.visible = true;
  }

  /** Under marker `i` of `sensors`, sized to it; hidden when there is none. */
  place(sensors: SensorLayer | null, i: number): void {
    this.mesh.visible = !!sensors && i >= 0 && i < sensors.count;
    if (!sensors || !this.mesh.visible) return;
    sensors.baseOf(i, this.mesh.position);
    this.mesh.scale.setScalar(sensors.markerSize * sensors.scaleAt(i) * 1.1);
  }

  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.material.dispose();
  }
}
