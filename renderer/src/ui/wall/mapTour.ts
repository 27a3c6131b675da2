import type { CameraPreset } from '../../../../shared/plant/schema';

/** How long the wall's map holds each view of its tour, ms: slow enough to read the area at 5 m. */
export const TOUR_STEP_MS = 20_000;

/**
 * The wall map's slow automatic tour: the whole plant, then each area's camera preset, then
 * the whole plant again. With `tour` off, or while an incident or a priority-1 alarm is up, it
 * holds the whole-plant view (what matters then is everything at once).
 */
export function tourStops(overview: CameraPreset | null, areas: readonly { camera: CameraPreset }[]): CameraPreset[] {
  const stops: CameraPreset[] = [];
  for (const a of areas) {
    if (overview) stops.push(overview);
    stops.push(a.camera);
  }
  if (stops.length === 0 && overview) stops.push(overview);
  return stops;
}

/** The stop to show at `step` (0, 1, 2, …): wraps around; null when there is none. */
export function tourStop(stops: readonly CameraPreset[], step: number, hold: boolean): CameraPreset | null {
  if (stops.length === 0) return null;
  if (hold) return stops[0]!;
  return stops[((step % stops.length) + stops.length) % stops.length]!;
}

/** The aspect ratio the plant's camera presets are framed for (the console's wide map). */
export const PRESET_ASPECT = 16 / 9;

/**
 * A preset pulled back along its line of sight so that what it frames across a wide map still
 * fits a narrower one (a wall's map beside the tiles is about square): the horizontal extent
 * shrinks with the aspect at a fixed vertical field of view. Never pulled back more than 2.2×.
 */
export function fitToAspect(preset: CameraPreset, aspect: number): CameraPreset {
  if (!(aspect > 0) || aspect >= PRESET_ASPECT) return preset;
  const k = Math.min(2.2, PRESET_ASPECT / aspect);
  const [tx, ty, tz] = preset.target;
  const [px, py, pz] = preset.position;
  return { target: preset.target, position: [tx + (px - tx) * k, ty + (py - ty) * k, tz + (pz - tz) * k] };
}
