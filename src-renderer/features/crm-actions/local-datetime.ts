/**
 * <input type="datetime-local"> speaks the machine's wall-clock time without a zone ("2026-11-12T14:30"); the
 * contract wants an instant. ES parses a date-time without offset as local time, which is what the person meant.
 */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The other way, for prefilling an input: the instant in the machine's wall-clock time, to the minute. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Where a new event starts unless the person says otherwise: the next full hour, as calendars offer. Not the
 * email's date: that is when it was written, nearly always past, and a date it may propose is in its words.
 */
export function nextFullHour(now: Date = new Date()): string {
  const start = new Date(now);
  start.setHours(start.getHours() + 1, 0, 0, 0);
  return isoToLocalInput(start.toISOString());
}
