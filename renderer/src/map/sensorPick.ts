import { Vector3, type Camera, type Intersection, type Raycaster } from 'three';
import type { SensorLayer } from './layers/SensorLayer';

/** Screen distance within which a marker is picked when the ray misses every marker, px. */
export const PICK_PX = 10;

const tmp = new Vector3();

/**
 * The sensor marker the ray hits, or -1. Markers crowd (an alarmed one is raised in front of
 * its neighbours): of those the ray hits, the one whose centre is nearest the pointer on screen
 * is meant. `hits` is scratch space (emptied before and after).
 */
export function pickSensorExact(s: SensorLayer, ray: Raycaster, hits: Intersection[], camera: Camera, width: number, height: number, x: number, y: number): number {
  hits.length = 0;
  s.object.raycast(ray, hits);
  let best = -1;
  let bestPx = Infinity;
  for (const h of hits) {
    if (h.instanceId === undefined) continue;
    s.centreOf(h.instanceId, tmp).project(camera);
    const dx = ((tmp.x + 1) / 2) * width - x;
    const dy = ((1 - tmp.y) / 2) * height - y;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestPx) {
      best = h.instanceId;
      bestPx = d2;
    }
  }
  hits.length = 0;
  return best;
}

/** The sensor marker nearest a canvas point (CSS px) within PICK_PX, or -1. */
export function pickSensorNear(s: SensorLayer, camera: Camera, width: number, height: number, x: number, y: number): number {
  let best = -1;
  let bestPx = PICK_PX * PICK_PX;
  for (let i = 0; i < s.count; i++) {
    s.centreOf(i, tmp).project(camera);
    if (tmp.z > 1) continue;
    const dx = ((tmp.x + 1) / 2) * width - x;
    const dy = ((1 - tmp.y) / 2) * height - y;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestPx) {
      bestPx = d2;
      best = i;
    }
  }
  return best;
}
