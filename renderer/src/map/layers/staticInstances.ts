import { Color, InstancedMesh, Matrix4, MeshLambertMaterial, Quaternion, Vector3, type BufferGeometry } from 'three';

const m = new Matrix4();
const q = new Quaternion();
const p = new Vector3();
const s = new Vector3();
const up = new Vector3(0, 1, 0);
const c = new Color();

export interface StaticInstance {
  /** Scene position of the instance's origin. */
  position: [number, number, number];
  scale: [number, number, number];
  /** Rotation about the vertical axis, radians. */
  yaw: number;
  color: number;
}

/**
 * An InstancedMesh of things that do not move (buildings, equipment): one draw call for all
 * of them. Hidden when empty so that an empty kind costs nothing.
 */
export function staticInstances(name: string, geometry: BufferGeometry, items: readonly StaticInstance[]): InstancedMesh {
  const mesh = new InstancedMesh(geometry, new MeshLambertMaterial({ color: 0xffffff }), Math.max(1, items.length));
  mesh.name = name;
  mesh.count = items.length;
  mesh.visible = items.length > 0;
  items.forEach((it, i) => {
    q.setFromAxisAngle(up, it.yaw);
    m.compose(p.set(...it.position), q, s.set(...it.scale));
    mesh.setMatrixAt(i, m);
    mesh.setColorAt(i, c.setHex(it.color));
  });
  mesh.instanceMatrix.needsUpdate = true;
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  mesh.computeBoundingSphere();
  mesh.frustumCulled = false;
  return mesh;
}
