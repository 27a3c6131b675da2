import { BufferAttribute, type BufferGeometry } from 'three';

/**
 * Writes positions and colours (3 floats a vertex) into a geometry, growing its attributes
 * only when they are too small (doubling), and draws just the written part: layers rebuilt
 * on journal changes reuse their GPU buffers instead of leaving old ones behind.
 */
export function writeColoured(g: BufferGeometry, positions: readonly number[], colours: readonly number[]): void {
  const cur = g.getAttribute('position') as BufferAttribute | undefined;
  if (!cur || cur.array.length < positions.length) {
    const cap = Math.max(positions.length, (cur?.array.length ?? 0) * 2);
    if (cur) g.dispose();
    g.setAttribute('position', new BufferAttribute(new Float32Array(cap), 3));
    g.setAttribute('color', new BufferAttribute(new Float32Array(cap), 3));
  }
  const p = g.getAttribute('position') as BufferAttribute;
  const c = g.getAttribute('color') as BufferAttribute;
  (p.array as Float32Array).set(positions);
  (c.array as Float32Array).set(colours);
  p.needsUpdate = true;
  c.needsUpdate = true;
  g.setDrawRange(0, positions.length / 3);
}
