import type { Locator } from 'playwright-core';

/** Layout checks for narrow windows: where things are drawn, from their bounding boxes. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not drawn`);
  return box;
}

/** Whether two boxes share more than a hairline (a pixel of rounding). */
export function overlap(a: Box, b: Box): boolean {
  const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return across > 1 && down > 1;
}

/** The pairs of elements, by their text, drawn over one another. */
export async function overlapping(elements: Locator): Promise<string[]> {
  const all = await elements.all();
  const boxes = await Promise.all(all.map(boxOf));
  const names = await Promise.all(all.map(async (e) => (await e.getAttribute('aria-label')) ?? (await e.innerText()).trim()));
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) pairs.push(`${names[i]} / ${names[j]}`);
  return pairs;
}

/** How far `inner` reaches past the right edge of `outer` (0 when it stays inside). */
export async function overflowRight(inner: Locator, outer: Locator): Promise<number> {
  const [a, b] = [await boxOf(inner), await boxOf(outer)];
  return Math.max(0, Math.round(a.x + a.width - (b.x + b.width)));
}
