/**
 * Plant coordinates (x east, y north, metres) to the plume's wind frame. Wind direction is
 * meteorological: the bearing the wind blows FROM, degrees clockwise from north (0 = from the
 * north, blowing south; 90 = from the east, blowing west).
 */
export interface WindFrame {
  /** Distance along the direction the wind blows towards, m; negative = upwind of the source. */
  downwind: number;
  /** Distance across the wind, m; positive to the right when looking downwind. */
  crosswind: number;
}

export function toWindFrame(source: readonly [number, number], receptor: readonly [number, number], windFromDeg: number): WindFrame {
  const rad = (windFromDeg * Math.PI) / 180;
  // Unit vector the air travels along: opposite of the "from" bearing.
  const wx = -Math.sin(rad);
  const wy = -Math.cos(rad);
  const dx = receptor[0] - source[0];
  const dy = receptor[1] - source[1];
  return { downwind: dx * wx + dy * wy, crosswind: dx * wy - dy * wx };
}

/** Bearing (deg clockwise from north, 0–360) that the wind blows towards. */
export function downwindBearing(windFromDeg: number): number {
  return (((windFromDeg + 180) % 360) + 360) % 360;
}
