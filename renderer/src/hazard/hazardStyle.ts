import type { HazardRecord } from '../../../shared/hazard/model';
import { isOverdue } from './hazardView';

/**
 * How an open hazard order looks on the map (HazardLayer), ISA-101 style: dark grey while it is
 * on time and general (一般); colour only for what needs a lead's eye — a major hazard (重大) in
 * deep violet and bigger, an overdue order in burnt orange, striped and raised (stripes and
 * height, so colour is never the only cue). None of the reserved alarm colours (red, yellow,
 * magenta) are used: a hazard is work owed, not an alarm.
 *
 * Shape by grade through width and height of one inverted pyramid (one instanced draw): general
 * is a low, wide wedge; major a tall spike. State by fill: nobody owns it yet (reported,
 * assessed) → outline only; owned (assigned, rectifying) → solid; awaiting verification → solid
 * and pale.
 */
export const HazardFill = { Solid: 0, Outline: 1 } as const;

export interface HazardLook {
  color: number;
  /** Width and height in base marker sizes. */
  width: number;
  height: number;
  /** Lift of the tip above the order's position, in base marker sizes. */
  raise: number;
  outline: boolean;
  striped: boolean;
}

export const hazardColors = {
  general: 0x262a2f,
  major: 0x5b2a9e,
  overdue: 0xc2570c,
  /** Ungraded (reported, not yet assessed). */
  ungraded: 0x262a2f,
} as const;

/** Mixes a colour toward white by `t` (0..1): a pale variant for orders awaiting verification. */
export function pale(hex: number, t: number): number {
  const mix = (c: number): number => Math.round(c + (255 - c) * t);
  return (mix((hex >> 16) & 255) << 16) | (mix((hex >> 8) & 255) << 8) | mix(hex & 255);
}

export function hazardLook(h: Pick<HazardRecord, 'grade' | 'state' | 'deadline' | 'overdue'>, now: number, selected = false): HazardLook {
  const major = h.grade === 'major';
  const overdue = isOverdue(h, now);
  let color: number = overdue ? hazardColors.overdue : major ? hazardColors.major : h.grade === null ? hazardColors.ungraded : hazardColors.general;
  if (h.state === 'verification') color = pale(color, 0.45);
  const grow = (overdue ? 1.25 : 1) * (selected ? 1.35 : 1);
  return {
    color,
    width: (major ? 4 : 5) * grow,
    height: (major ? 8.5 : 3.8) * grow,
    raise: overdue ? 3 : 1.2,
    outline: h.state === 'reported' || h.state === 'assessed',
    striped: overdue,
  };
}
