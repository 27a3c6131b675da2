import type { CameraPreset, Plant } from '../../../shared/plant/schema';

/**
 * A view of the whole plant from the south, high enough to see every area; centred a little
 * west of the plant's middle so that the views list on the left does not cover the west edge.
 */
export function overviewPreset(plant: Plant): CameraPreset {
  const [w, d] = plant.meta.extent;
  const cx = w * 0.46;
  const cy = d / 2;
  const span = Math.max(w, d);
  return { position: [cx, cy - span * 0.66, span * 0.62], target: [cx, cy * 0.86, 0] };
}
