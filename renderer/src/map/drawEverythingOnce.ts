import type { Camera, InstancedMesh, Scene, WebGLRenderer } from 'three';

/**
 * One throw-away draw of the whole scene with every object visible, unculled and every
 * instanced mesh at ≥ 1 instance; then everything as it was. Its purpose: a shader program's
 * first use waits for the GPU to finish linking it (three.js reads its uniforms then) — a
 * synchronous wait of 190–250 ms measured in Chromium when the first bad-signal marker of an
 * alarm flood appeared. Drawn here, at plant load, that wait never falls in an emergency. The
 * caller draws the real frame right after, in the same task, so this one is never shown.
 */
export function drawEverythingOnce(renderer: WebGLRenderer, scene: Scene, camera: Camera): void {
  const restore: (() => void)[] = [];
  scene.traverse((o) => {
    if (!o.visible) {
      o.visible = true;
      restore.push(() => void (o.visible = false));
    }
    if (o.frustumCulled) {
      o.frustumCulled = false;
      restore.push(() => void (o.frustumCulled = true));
    }
    const m = o as InstancedMesh;
    if (m.isInstancedMesh && m.count === 0) {
      m.count = 1;
      restore.push(() => void (m.count = 0));
    }
  });
  try {
    renderer.render(scene, camera);
  } finally {
    for (const r of restore) r();
  }
}
