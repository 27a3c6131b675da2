import type { Object3D } from 'three';

/**
 * A layer of the map: owns its three.js objects, geometries and materials, and frees them in
 * `dispose()` (the map calls it when the plant model changes or the view goes away).
 */
export interface MapLayer {
  readonly object: Object3D;
  dispose(): void;
}

/** Frees what a layer built: every geometry and material under `root`. */
export function disposeTree(root: Object3D): void {
  root.traverse((o) => {
    const mesh = o as Object3D & { geometry?: { dispose(): void }; material?: { dispose(): void } | { dispose(): void }[]; dispose?: () => void };
    mesh.geometry?.dispose();
    if (Array.isArray(mesh.material)) mesh.material.forEach((m) => m.dispose());
    else mesh.material?.dispose();
    if (o !== root && typeof mesh.dispose === 'function') mesh.dispose();
  });
}
