/**
 * Where the importance–performance chart writes each question's label so labels neither cover
 * one another nor the dots (20–30 questions crowd around the means). Pure and estimated without a
 * layout engine (labelWidth), so the page and the golden files under Node place them alike.
 */
import { labelWidth } from './common';

/** A label's offset from its dot and which end is anchored there. */
export interface LabelPlace {
  dx: number;
  dy: number;
  anchor: 'start' | 'end';
}

/** Places tried in order: right of the dot, left, then above and below on either side. */
export const LABEL_PLACES: readonly LabelPlace[] = [
  { dx: 9, dy: 0, anchor: 'start' },
  { dx: -9, dy: 0, anchor: 'end' },
  { dx: 4, dy: -12, anchor: 'start' },
  { dx: 4, dy: 12, anchor: 'start' },
  { dx: -4, dy: -12, anchor: 'end' },
  { dx: -4, dy: 12, anchor: 'end' },
];

/** A box in pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const LINE = 12;
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The place (index into LABEL_PLACES) of each label, or null when none is free: then the label is
 * left off (its dot keeps the tooltip, and the table under the chart lists every question).
 * `points` are in pixels, in the order labels are placed (the first get the free room);
 * `obstacles` are boxes no label may cover (the quadrant names); every label stays in `frame`.
 */
export function placeLabels(
  points: { px: number; py: number; text: string }[],
  frame: Box,
  obstacles: Box[] = [],
  dot = 6,
): (number | null)[] {
  const taken: Box[] = [
    ...obstacles,
    ...points.map((p) => ({ x0: p.px - dot, y0: p.py - dot, x1: p.px + dot, y1: p.py + dot })),
  ];
  return points.map((p) => {
    const w = labelWidth(p.text);
    for (const [i, place] of LABEL_PLACES.entries()) {
      const x = p.px + place.dx;
      const y = p.py + place.dy;
      const box = {
        x0: place.anchor === 'start' ? x : x - w,
        x1: place.anchor === 'start' ? x + w : x,
        y0: y - LINE / 2,
        y1: y + LINE / 2,
      };
      const inside = box.x0 >= frame.x0 && box.x1 <= frame.x1 && box.y0 >= frame.y0 && box.y1 <= frame.y1;
      if (inside && !taken.some((t) => overlaps(t, box))) {
        taken.push(box);
        return i;
      }
    }
    return null;
  });
}
