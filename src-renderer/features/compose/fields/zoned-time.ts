/**
 * Wall-clock times in a named time zone (IANA), turned into instants and back with the browser's own zone data
 * (Intl), so "08:00 in Bucharest" is right on the days the clocks change, whatever zone this machine is in.
 */

export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * How the wall time fell: `gap` when the clocks skipped it (spring forward: 02:30 in Paris on the last Sunday of
 * March does not exist, and the instant is the one an hour later on the dial), `overlap` when it happened twice
 * (autumn: the first of the two is taken), null otherwise. These are Temporal's 'compatible' rules.
 */
export type WallFold = 'gap' | 'overlap' | null;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // h23: midnight is 00, never "24" as some engines print with hour12: false.
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the browser knows the zone. */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `zone` at an instant (seconds dropped). */
export function wallTimeAt(epochMs: number, zone: string): WallTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

const asUtc = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (to the minute, as zones are). */
function offsetAt(epochMs: number, zone: string): number {
  const whole = Math.floor(epochMs / 60_000) * 60_000;
  return asUtc(wallTimeAt(whole, zone)) - whole;
}

/**
 * The instant at which `zone`'s clocks show `wall`. A zone changes its offset at most once within a day, so the
 * offsets a day before and a day after are the only candidates: each is kept if the clocks really show `wall` then.
 */
export function zonedToInstant(wall: WallTime, zone: string): { epochMs: number; fold: WallFold } {
  const local = asUtc(wall);
  const before = offsetAt(local - DAY_MS, zone);
  const after = offsetAt(local + DAY_MS, zone);
  const fits = [...new Set([local - before, local - after])].filter((t) => t + offsetAt(t, zone) === local).sort((a, b) => a - b);
  if (fits.length === 0) return { epochMs: local - before, fold: 'gap' };
  return { epochMs: fits[0]!, fold: fits.length > 1 ? 'overlap' : null };
}

/** The same wall time on the next calendar day (the date rolls over months and years). */
export function nextDay(wall: WallTime): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 1));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-03-29" and "08:00", as <input type="date"> and <input type="time"> hold them. */
export function dateInputValue(w: WallTime): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}
export function timeInputValue(w: WallTime): string {
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The inputs' values back as a wall time; null when either is empty or not a real date and time. */
export function parseWallInputs(date: string, time: string): WallTime | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(time);
  if (!d || !t) return null;
  const wall = { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) };
  // 2026-02-30 would roll over into March: not what was typed.
  const check = new Date(asUtc(wall));
  if (check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day || wall.hour > 23 || wall.minute > 59) return null;
  return wall;
}

/** The zone this machine's clock is set to ("Europe/Paris"); UTC when the browser cannot say. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every zone the browser knows, with the machine's own first if the list lacks it (old ICU data). */
export function timeZones(machine: string = machineTimeZone()): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(machine) ? all : [machine, ...all];
}
