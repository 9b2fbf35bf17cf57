/**
 * Functions that run inside the page (passed to page.evaluate, so each one stands alone). They see the app only
 * through data-testid="message-list" and data-testid="message-row", which the list keeps whatever its inner markup.
 */

export interface FirstRow {
  /** From the click on the folder to the first row in the DOM. */
  inserted: number;
  /** To the end of the frame that shows it: the task after that frame's requestAnimationFrame. */
  painted: number;
}

/** Arms a probe for the next click: `window.benchFirstRow` resolves once a row of the list has been painted. */
export function armFirstRowProbe(): void {
  const w = window as unknown as { benchFirstRow?: Promise<FirstRow> };
  w.benchFirstRow = new Promise<FirstRow>((resolve) => {
    let clickAt: number | null = null;
    document.addEventListener('click', (e) => (clickAt = e.timeStamp), { capture: true, once: true });
    const check = () => {
      if (clickAt === null || !document.querySelector('[data-testid="message-list"] [data-testid="message-row"]')) return;
      observer.disconnect();
      const inserted = performance.now() - clickAt;
      requestAnimationFrame(() => setTimeout(() => resolve({ inserted, painted: performance.now() - clickAt! })));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

export function firstRowResult(): Promise<FirstRow> {
  return (window as unknown as { benchFirstRow: Promise<FirstRow> }).benchFirstRow;
}

export interface ScrollResult {
  /** requestAnimationFrame deltas, ms. */
  frames: number[];
  /** Frames painted with no real row (a placeholder or nothing) in the middle of the pane. */
  blank: number;
}

/**
 * Scrolls the list at a steady speed tied to the clock, as a fling is (a slow frame jumps further), from `from` (a
 * fraction of the list) down to the end and back up again until `seconds` have passed, recording every frame.
 * Each step is taken just after a frame is drawn, as input arrives between frames, so the next frame's scroll
 * handler renders it; looking at the pane then costs a hit test only, layout being clean, and sees what was drawn.
 */
export async function steadyScroll({ from, rowsPerSecond, rowHeight, seconds }: { from: number; rowsPerSecond: number; rowHeight: number; seconds: number }): Promise<ScrollResult> {
  const list = document.querySelector<HTMLElement>('[data-testid="message-list"]')!;
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  // The first task after a frame's requestAnimationFrame callbacks runs once that frame has been drawn.
  const afterPaint = () => new Promise((resolve) => setTimeout(resolve));
  const max = list.scrollHeight - list.clientHeight;
  list.scrollTop = from * max;
  await frame();
  await frame();
  const box = list.getBoundingClientRect();
  const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const frames: number[] = [];
  let blank = 0;
  const start = await frame();
  let last = start;
  let next = frame();
  while (last - start < seconds * 1000) {
    const now = await next;
    // Asked for inside this frame's callback, so the probe's own waiting never skips a frame.
    next = frame();
    frames.push(now - last);
    last = now;
    await afterPaint();
    if (!document.elementFromPoint(middle.x, middle.y)?.closest('[data-testid="message-row"]')) blank++;
    const travelled = (rowsPerSecond * rowHeight * (performance.now() - start)) / 1000;
    const phase = (from * max + travelled) % (2 * max);
    list.scrollTop = phase <= max ? phase : 2 * max - phase;
  }
  return { frames, blank };
}

/**
 * Jumps as a drag of the scrollbar does, to `fraction` of the list, and reports how long until points from near the
 * top to the bottom of the pane all show real rows (placeholders replaced), or -1 after `timeoutMs`. The top quarter
 * is left out: the list may keep its header inside the scrolling box.
 */
export async function jumpUntilFilled({ fraction, timeoutMs }: { fraction: number; timeoutMs: number }): Promise<number> {
  const list = document.querySelector<HTMLElement>('[data-testid="message-list"]')!;
  const box = list.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const probes = [2, 3, 4, 5, 6, 7].map((k) => box.top + (box.height * k) / 8).concat(box.bottom - 3);
  const filled = () => probes.every((y) => document.elementFromPoint(x, y)?.closest('[data-testid="message-row"]'));
  list.scrollTop = fraction * (list.scrollHeight - list.clientHeight);
  const start = performance.now();
  for (;;) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve));
    const elapsed = performance.now() - start;
    if (filled()) return elapsed;
    if (elapsed > timeoutMs) return -1;
  }
}
