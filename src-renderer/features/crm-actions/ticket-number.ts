/**
 * A ticket number as people type or quote it: "1042", "#1042", "ticket 1042", "n° 1042", "nr. 1042".
 * Anything else is a search, not a number.
 */
export function parseTicketNumber(text: string): number | null {
  const match = /^\s*(?:(?:ticket|tichet(?:ul)?|n[°o]|nr)\.?\s*)?#?\s*(\d{1,9})\s*$/i.exec(text);
  if (!match) return null;
  const n = Number(match[1]);
  return n > 0 ? n : null;
}
