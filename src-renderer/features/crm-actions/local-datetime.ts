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
