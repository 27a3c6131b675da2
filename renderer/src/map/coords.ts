import type { Vector3 } from 'three';

/**
 * Plant coordinates are metres with x east, y north, z up; three.js is y-up and right-handed,
 * so a plant point (x, y, z) is the scene point (x, z, -y). Written into `out` (no allocation).
 */
export function toScene(x: number, y: number, z: number, out: Vector3): Vector3 {
  return out.set(x, z, -y);
}

/** The inverse of toScene, as a plant-coordinate tuple. */
export function toPlant(v: Vector3): [number, number, number] {
  return [v.x, -v.z, v.y];
}
