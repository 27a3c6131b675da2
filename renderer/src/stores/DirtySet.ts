/**
 * A set of indices in [0, capacity) with O(1) add and allocation-free draining (`pop` in a
 * loop): what a consumer of the tag store keeps between its frames.
 */
export class DirtySet {
  private readonly flags: Uint8Array;
  private readonly list: Uint32Array;
  private n = 0;

  constructor(readonly capacity: number) {
    this.flags = new Uint8Array(capacity);
    this.list = new Uint32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  add(i: number): void {
    if (i >= this.capacity || this.flags[i]) return;
    this.flags[i] = 1;
    this.list[this.n++] = i;
  }

  addMany(indices: Uint32Array, count: number): void {
    for (let k = 0; k < count; k++) this.add(indices[k]!);
  }

  /** Removes and returns the most recently added index, or -1 when the set is empty. */
  pop(): number {
    if (this.n === 0) return -1;
    const i = this.list[--this.n]!;
    this.flags[i] = 0;
    return i;
  }
}
