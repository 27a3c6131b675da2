/**
 * User Timing measures the console records for diagnostics and benchmarks
 * (tests/bench/consolePeople.ts, docs/performance.md). Only the latest entry of each is kept in
 * the performance timeline (a PerformanceObserver sees them all), so a console that runs for
 * weeks does not fill it.
 */

/** Main-thread work of one positions frame: decode, people table, occupancy. `detail.rows`: people in the frame. */
export const POSITIONS_MEASURE = 'vigil.positions.apply';
/** One rewrite of the people instances (in the render after a positions frame). `detail.rows`: instances rewritten. */
export const PEOPLE_LAYER_MEASURE = 'vigil.people.layer';
