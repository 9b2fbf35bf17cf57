import type { Locator } from 'playwright-core';

/** A computed colour ("rgb(r, g, b)" or "rgba(r, g, b, a)") as its channels. */
function channels(css: string): number[] {
  const values = css.match(/[\d.]+/g)?.map(Number);
  if (!values || values.length < 3) throw new Error(`Not a computed colour: "${css}"`);
  return values;
}

/** WCAG 2 relative luminance: 0 for black, 1 for white. */
export function luminance(css: string): number {
  const [r, g, b] = channels(css).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio, from 1 to 21; AA asks 4.5 for text. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The text colour of an element and the background it is read on: its own, or the first painted one behind it. */
export function textOn(locator: Locator): Promise<{ color: string; background: string }> {
  return locator.evaluate((element) => {
    const color = getComputedStyle(element).color;
    for (let e: Element | null = element; e; e = e.parentElement) {
      const background = getComputedStyle(e).backgroundColor;
      if (!/^rgba\(.*, 0\)$|^transparent$/.test(background)) return { color, background };
    }
    // Nothing painted: the canvas, which follows the page's colour scheme.
    return { color, background: getComputedStyle(document.documentElement).backgroundColor };
  });
}
