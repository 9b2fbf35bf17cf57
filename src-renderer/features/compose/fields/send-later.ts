import { nextDay, wallTimeAt, zonedToInstant, type WallFold, type WallTime } from './zoned-time.js';

/** "This evening" and "Tomorrow morning", on the machine's clock. */
export const EVENING_HOUR = 18;
export const MORNING_HOUR = 8;

/** A scheduled time this close to now is as good as now: by the time the outbox looks, it will have passed. */
const MIN_AHEAD_MS = 60_000;

export type SendWhen = 'now' | 'evening' | 'morning' | 'custom';

const at = (wall: WallTime, hour: number): WallTime => ({ ...wall, hour, minute: 0 });

/** Today at 18:00 in `zone` (null once that has passed), and tomorrow at 08:00. */
export function presets(now: number, zone: string): { evening: number | null; morning: number } {
  const today = wallTimeAt(now, zone);
  const evening = zonedToInstant(at(today, EVENING_HOUR), zone).epochMs;
  return {
    evening: evening - now >= MIN_AHEAD_MS ? evening : null,
    morning: zonedToInstant(at(nextDay(today), MORNING_HOUR), zone).epochMs,
  };
}

export type ScheduleProblem = 'past' | 'incomplete';

/**
 * Why a chosen time cannot be used: it has passed (or is less than a minute away), or the date or time is missing.
 * The composer asks this again before sending, since a time chosen at 17:59 for 18:00 may have passed meanwhile.
 */
export function scheduleProblem(sendAt: string | null, now: number = Date.now()): ScheduleProblem | null {
  if (sendAt === null) return null;
  const when = Date.parse(sendAt);
  if (Number.isNaN(when)) return 'incomplete';
  return when - now < MIN_AHEAD_MS ? 'past' : null;
}

export interface CustomTime {
  epochMs: number;
  fold: WallFold;
}

/** Which of the choices a stored `sendAt` stands for, so a reopened draft shows what was chosen. */
export function whenOf(sendAt: string | null, now: number, zone: string): SendWhen {
  if (sendAt === null) return 'now';
  const when = Date.parse(sendAt);
  const { evening, morning } = presets(now, zone);
  if (when === evening) return 'evening';
  if (when === morning) return 'morning';
  return 'custom';
}
