import { describe, expect, it } from 'vitest';
import { presets, scheduleProblem, whenOf } from '../../src-renderer/features/compose/fields/send-later.js';
import { nextDay, parseWallInputs, wallTimeAt, zonedToInstant, type WallTime } from '../../src-renderer/features/compose/fields/zoned-time.js';

/**
 * "Send later" takes a date, a time and a zone as the person reads them on a clock there. On the days the clocks
 * change (2026: spring forward on 29 March, fall back on 25 October; Paris at 02:00→03:00 / 03:00→02:00 local,
 * Bucharest an hour later on its own dial, both at 01:00 UTC), the instant must still be the one that clock shows.
 */
const wall = (iso: string): WallTime => {
  const [date, time] = iso.split('T') as [string, string];
  return parseWallInputs(date, time)!;
};
const instant = (iso: string, zone: string) => {
  const { epochMs, fold } = zonedToInstant(wall(iso), zone);
  return { iso: new Date(epochMs).toISOString(), fold };
};

describe('a wall-clock time in a zone, as an instant', () => {
  it('is right on either side of spring forward in Paris and Bucharest', () => {
    expect(instant('2026-03-28T08:00', 'Europe/Paris')).toEqual({ iso: '2026-03-28T07:00:00.000Z', fold: null });
    expect(instant('2026-03-29T08:00', 'Europe/Paris')).toEqual({ iso: '2026-03-29T06:00:00.000Z', fold: null });
    expect(instant('2026-03-29T01:59', 'Europe/Paris')).toEqual({ iso: '2026-03-29T00:59:00.000Z', fold: null });
    expect(instant('2026-03-29T03:00', 'Europe/Paris')).toEqual({ iso: '2026-03-29T01:00:00.000Z', fold: null });
    expect(instant('2026-03-28T08:00', 'Europe/Bucharest')).toEqual({ iso: '2026-03-28T06:00:00.000Z', fold: null });
    expect(instant('2026-03-29T08:00', 'Europe/Bucharest')).toEqual({ iso: '2026-03-29T05:00:00.000Z', fold: null });
    expect(instant('2026-03-29T02:59', 'Europe/Bucharest')).toEqual({ iso: '2026-03-29T00:59:00.000Z', fold: null });
    expect(instant('2026-03-29T04:00', 'Europe/Bucharest')).toEqual({ iso: '2026-03-29T01:00:00.000Z', fold: null });
  });

  it('moves a time the clocks skipped forward by the gap, and says so', () => {
    // 02:30 does not exist in Paris that night: the clock shows 03:30 an hour after 01:30.
    expect(instant('2026-03-29T02:30', 'Europe/Paris')).toEqual({ iso: '2026-03-29T01:30:00.000Z', fold: 'gap' });
    expect(instant('2026-03-29T03:30', 'Europe/Bucharest')).toEqual({ iso: '2026-03-29T01:30:00.000Z', fold: 'gap' });
  });

  it('takes the first of a time the clocks show twice in autumn, and says so', () => {
    expect(instant('2026-10-25T02:30', 'Europe/Paris')).toEqual({ iso: '2026-10-25T00:30:00.000Z', fold: 'overlap' });
    expect(instant('2026-10-25T03:30', 'Europe/Bucharest')).toEqual({ iso: '2026-10-25T00:30:00.000Z', fold: 'overlap' });
    expect(instant('2026-10-25T03:30', 'Europe/Paris')).toEqual({ iso: '2026-10-25T02:30:00.000Z', fold: null });
    expect(instant('2026-10-25T08:00', 'Europe/Bucharest')).toEqual({ iso: '2026-10-25T06:00:00.000Z', fold: null });
    expect(instant('2026-10-24T08:00', 'Europe/Bucharest')).toEqual({ iso: '2026-10-24T05:00:00.000Z', fold: null });
  });

  it('reads back the wall time of an instant in a zone', () => {
    expect(wallTimeAt(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Paris')).toEqual(wall('2026-10-25T02:30'));
    expect(wallTimeAt(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Paris')).toEqual(wall('2026-10-25T02:30'));
    expect(wallTimeAt(Date.parse('2026-12-31T22:30:00Z'), 'Europe/Bucharest')).toEqual(wall('2027-01-01T00:30'));
  });

  it('refuses dates that do not exist, and rolls "tomorrow" over months and years', () => {
    expect(parseWallInputs('2026-02-30', '08:00')).toBeNull();
    expect(parseWallInputs('2026-02-28', '24:00')).toBeNull();
    expect(parseWallInputs('', '08:00')).toBeNull();
    expect(nextDay(wall('2026-12-31T08:00'))).toEqual(wall('2027-01-01T08:00'));
    expect(nextDay(wall('2028-02-28T08:00'))).toEqual(wall('2028-02-29T08:00'));
  });
});

describe('this evening and tomorrow morning', () => {
  it('are 18:00 today and 08:00 tomorrow on the chosen clock, across the change of time', () => {
    // Saturday 28 March 2026, 10:00 in Paris: tomorrow 08:00 is already summer time.
    const now = Date.parse('2026-03-28T09:00:00Z');
    expect(presets(now, 'Europe/Paris')).toEqual({ evening: Date.parse('2026-03-28T17:00:00Z'), morning: Date.parse('2026-03-29T06:00:00Z') });
    expect(presets(Date.parse('2026-10-24T09:00:00Z'), 'Europe/Bucharest')).toEqual({ evening: Date.parse('2026-10-24T15:00:00Z'), morning: Date.parse('2026-10-25T06:00:00Z') });
  });

  it('has no "this evening" once 18:00 has passed', () => {
    expect(presets(Date.parse('2026-03-28T17:30:00Z'), 'Europe/Paris').evening).toBeNull();
  });

  it('recognises a stored time as the choice it came from', () => {
    const now = Date.parse('2026-03-28T09:00:00Z');
    expect(whenOf(null, now, 'Europe/Paris')).toBe('now');
    expect(whenOf('2026-03-28T17:00:00.000Z', now, 'Europe/Paris')).toBe('evening');
    expect(whenOf('2026-03-29T06:00:00.000Z', now, 'Europe/Paris')).toBe('morning');
    expect(whenOf('2026-04-02T06:00:00.000Z', now, 'Europe/Paris')).toBe('custom');
  });
});

describe('a chosen time that cannot be used', () => {
  it('is refused once it has passed or is less than a minute away', () => {
    const now = Date.parse('2026-03-28T09:00:00Z');
    expect(scheduleProblem(null, now)).toBeNull();
    expect(scheduleProblem('2026-03-28T08:59:00Z', now)).toBe('past');
    expect(scheduleProblem('2026-03-28T09:00:30Z', now)).toBe('past');
    expect(scheduleProblem('2026-03-28T09:05:00Z', now)).toBeNull();
    expect(scheduleProblem('not a date', now)).toBe('incomplete');
  });
});
