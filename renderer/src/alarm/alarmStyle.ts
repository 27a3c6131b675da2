import type { AlarmDisplayState, Priority } from '../../../shared/alarm/model';
import type { RiskGrade } from '../../../shared/plant/alarmConfig';

/**
 * Every presentation value of alarms in one place (ISA-101 / ISA-18.2, DOMAIN.md §2): each
 * priority has ONE reserved colour and ONE shape, used alike by the banner, the list, the map
 * markers and the legend, so that an operator who cannot tell red from orange still tells a
 * diamond from a triangle. Hidden alarms (shelved, suppressed, out of service) get neutral grey
 * marks of their own: they never wear a priority colour, because they do not call for action.
 */

export type MarkerShape = 'diamond' | 'triangle' | 'square' | 'circle';

export interface PriorityStyle {
  /** sRGB hex of the reserved colour. */
  color: number;
  css: string;
  /** Text colour that reads on `css`. */
  ink: string;
  shape: MarkerShape;
  /** The shape as one character, for text (banner, list, legend). */
  glyph: string;
}

export const priorityStyles: Readonly<Record<Priority, PriorityStyle>> = Object.freeze({
  1: { color: 0xe3170a, css: '#e3170a', ink: '#ffffff', shape: 'diamond', glyph: '◆' },
  2: { color: 0xf26a0d, css: '#f26a0d', ink: '#1f2327', shape: 'triangle', glyph: '▲' },
  3: { color: 0xf2d20c, css: '#f2d20c', ink: '#1f2327', shape: 'square', glyph: '■' },
  4: { color: 0x2bb8d9, css: '#2bb8d9', ink: '#1f2327', shape: 'circle', glyph: '●' },
});

/**
 * Marks of the states that hide an alarm; grey, never a priority colour. Every glyph here is in
 * the fonts a plain Linux or Windows install has (DejaVu / Microsoft YaHei), not emoji.
 */
export type HiddenState = Extract<AlarmDisplayState, 'shelved' | 'suppressed' | 'out_of_service'>;
export const hiddenMarks: Readonly<Record<HiddenState, { glyph: string; css: string }>> = Object.freeze({
  shelved: { glyph: '‖', css: '#8d9196' },
  suppressed: { glyph: '⊘', css: '#8d9196' },
  out_of_service: { glyph: '✕', css: '#8d9196' },
});
/** Map colour of a hidden alarm's marker (a small grey disc). */
export const HIDDEN_MARKER_COLOR = 0x9a9da1;

/** Display states that hide the alarm. */
export function isHiddenState(s: AlarmDisplayState): s is HiddenState {
  return s === 'shelved' || s === 'suppressed' || s === 'out_of_service';
}

/**
 * The four-colour risk grades (风险四色, DOMAIN.md §4): 重大 red, 较大 orange, 一般 yellow, 低 blue.
 * Translucent on the map, under the markers, so the plant stays readable; a unit whose grade is
 * raised above its inherent grade is drawn stronger and outlined.
 */
export const riskGradeStyles: Readonly<Record<RiskGrade, { color: number; css: string; rank: number }>> = Object.freeze({
  red: { color: 0xd7261e, css: '#d7261e', rank: 3 },
  orange: { color: 0xef7d1a, css: '#ef7d1a', rank: 2 },
  yellow: { color: 0xe9cf1d, css: '#e9cf1d', rank: 1 },
  blue: { color: 0x2f6fd6, css: '#2f6fd6', rank: 0 },
});
export const RISK_OPACITY = 0.15;
export const RISK_RAISED_OPACITY = 0.32;

/** Tripped interlocks: a distinct mark (not an alarm priority; the trip alarm itself carries that). */
export const interlockMarks = Object.freeze({ tripped: '⊗', bypassed: '⚠' });

/**
 * Flash of unacknowledged alarms: on/off at this period, ms (ISA-18.2 leaves the rate to the
 * site; ~1 Hz is the common choice and well below the 3 Hz photosensitivity limit).
 */
export const FLASH_PERIOD_MS = 1000;
