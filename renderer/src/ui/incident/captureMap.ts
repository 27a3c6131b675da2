import type { MapView } from '../../map/MapView';

/** Snapshots wider than this are scaled down (the server takes PNGs up to 2 MB). */
const MAX_WIDTH = 1280;

/**
 * The map as a PNG: renders a frame and copies the canvas in the same task (the drawing buffer
 * is not preserved between frames, so it must be read before the browser composites), scaled
 * to at most MAX_WIDTH wide. Null where the canvas cannot be read.
 */
export async function captureMap(view: MapView): Promise<Blob | null> {
  const src = view.renderer.domElement;
  view.renderer.render(view.scene, view.camera);
  const scale = Math.min(1, MAX_WIDTH / Math.max(1, src.width));
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(src.width * scale));
  out.height = Math.max(1, Math.round(src.height * scale));
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(src, 0, 0, out.width, out.height);
  return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
}
