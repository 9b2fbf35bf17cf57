import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { width: 1280, height: 800 }, maximized: false };
const FILE = 'window-state.json';

/** The last window size and place, if it still fits a connected display (a laptop leaves its dock). */
export function loadWindowState(dataDir: string): WindowState {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8'));
  } catch {
    return DEFAULT; // first run, or an unreadable file: not worth a word to the user
  }
  const { bounds, maximized } = (saved ?? {}) as { bounds?: Partial<Rectangle>; maximized?: unknown };
  const { x, y, width, height } = bounds ?? {};
  if (!isSize(width) || !isSize(height)) return DEFAULT;
  const state: WindowState = { bounds: { width, height }, maximized: maximized === true };
  if (Number.isInteger(x) && Number.isInteger(y)) {
    const rect = { x: x as number, y: y as number, width, height };
    if (visibleOn(rect, screen.getDisplayMatching(rect).workArea)) state.bounds = rect;
  }
  return state;
}

/** Saves the window's normal (unmaximised) bounds when it closes. */
export function trackWindowState(win: BrowserWindow, dataDir: string): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    const file = join(dataDir, FILE);
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(state));
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      console.error('Facteur: could not save the window position:', error);
    }
  });
}

function isSize(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 400 && (value as number) <= 10_000;
}

/** At least 100×50 px of the window's top strip (its title bar) must be on the display, or it cannot be grabbed. */
function visibleOn(rect: Rectangle, area: Rectangle): boolean {
  const overlapX = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
  const overlapY = Math.min(rect.y + 50, area.y + area.height) - Math.max(rect.y, area.y);
  return overlapX >= 100 && overlapY >= 50;
}
