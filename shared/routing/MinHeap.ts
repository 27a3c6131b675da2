/**
 * A binary min-heap of (key, item) pairs on typed arrays, for Dijkstra and A*: no objects per
 * push, grows by doubling. Items are non-negative integers (node indices); duplicates are
 * allowed ("lazy deletion": the caller skips stale pops).
 */
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(4, capacity));
    this.items = new Int32Array(Math.max(4, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, item: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    const keys = this.keys;
    const items = this.items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Key of the smallest entry (Infinity when empty). */
  peekKey(): number {
    return this.size > 0 ? this.keys[0]! : Infinity;
  }

  /** Removes the smallest entry and returns its item (-1 when empty); its key was `peekKey()`. */
  pop(): number {
    if (this.size === 0) return -1;
    const keys = this.keys;
    const items = this.items;
    const top = items[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const key = keys[n]!;
    const item = items[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && keys[r]! < keys[l]! ? r : l;
      if (keys[c]! >= key) break;
      keys[i] = keys[c]!;
      items[i] = items[c]!;
      i = c;
    }
    keys[i] = key;
    items[i] = item;
    return top;
  }

  private grow(): void {
    const k = new Float64Array(this.keys.length * 2);
    k.set(this.keys);
    const it = new Int32Array(this.items.length * 2);
    it.set(this.items);
    this.keys = k;
    this.items = it;
  }
}
