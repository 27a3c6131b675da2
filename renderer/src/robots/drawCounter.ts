import type { Object3D, WebGLRenderer } from 'three';

const counted = new WeakMap<Object3D, { frame: number; n: number }>();

/**
 * Draw calls a layer's objects made in the renderer's latest frame, measured (each renderable
 * object's `onBeforeRender` runs once per draw): for diagnostics and benchmarks ("all people
 * in one draw call"). Counters are installed on first ask, so the first answer may be 0 until
 * the next render.
 */
export function drawsInLastFrame(root: Object3D | null | undefined, renderer: WebGLRenderer): number {
  if (!root) return 0;
  const frame = renderer.info.render.frame;
  let n = 0;
  root.traverse((o) => {
    const drawable = o as Object3D & { isMesh?: boolean; isLine?: boolean; isPoints?: boolean };
    if (!drawable.isMesh && !drawable.isLine && !drawable.isPoints) return;
    let c = counted.get(o);
    if (!c) {
      const entry = { frame: -1, n: 0 };
      counted.set(o, entry);
      c = entry;
      const before = o.onBeforeRender.bind(o);
      o.onBeforeRender = (r, ...rest) => {
        if (entry.frame !== r.info.render.frame) {
          entry.frame = r.info.render.frame;
          entry.n = 0;
        }
        entry.n++;
        before(r, ...rest);
      };
    }
    if (c.frame === frame) n += c.n;
  });
  return n;
}
