/**
 * Picks at most `maxPoints` of `n` fixes (indices, ascending) so that a drawn track keeps its
 * shape and its bounds: the first and the last fix, and in each of ⌊(maxPoints − 2) / 4⌋ runs of
 * consecutive fixes the ones with the least and greatest x and y. Every point returned is a
 * real fix (no averaging: a position between two rooms is a place nobody was), and the
 * bounding box of the result equals that of all `n` fixes whenever `maxPoints` ≥ 6. With
 * fewer than 6 allowed, fixes are taken evenly (first and last kept).
 */
export function downsampleTrack(x: ArrayLike<number>, y: ArrayLike<number>, n: number, maxPoints: number): number[] {
  const all = (): number[] => Array.from({ length: n }, (_, i) => i);
  if (n <= maxPoints) return all();
  if (maxPoints <= 0) return [];
  if (maxPoints < 6) {
    if (maxPoints === 1) return [n - 1];
    const out: number[] = [];
    for (let k = 0; k < maxPoints; k++) out.push(Math.round((k * (n - 1)) / (maxPoints - 1)));
    return out;
  }
  const runs = Math.floor((maxPoints - 2) / 4);
  const picked = new Set<number>([0, n - 1]);
  for (let b = 0; b < runs; b++) {
    const lo = Math.floor((b * n) / runs);
    const hi = Math.floor(((b + 1) * n) / runs);
    if (hi <= lo) continue;
    let ix0 = lo;
    let ix1 = lo;
    let iy0 = lo;
    let iy1 = lo;
    for (let i = lo + 1; i < hi; i++) {
      if (x[i]! < x[ix0]!) ix0 = i;
      if (x[i]! > x[ix1]!) ix1 = i;
      if (y[i]! < y[iy0]!) iy0 = i;
      if (y[i]! > y[iy1]!) iy1 = i;
    }
    picked.add(ix0).add(ix1).add(iy0).add(iy1);
  }
  return [...picked].sort((a, b) => a - b);
}
