/**
 * What a person types as a link's address, as a URL a mail may carry: http(s) and mailto only (a javascript: or
 * file: link would be refused by the engine's sanitiser anyway, and would mean nothing to the reader). A bare
 * "exemple.fr/tarifs" gets https://, a bare address gets mailto:. Null when it is none of these.
 */
export function linkUrl(typed: string): string | null {
  const raw = typed.trim();
  if (raw === '' || /\s/.test(raw)) return null;
  let candidate = raw;
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(raw)) candidate = `mailto:${raw}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(raw)) candidate = `https://${raw}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.href;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return url.href;
  return null;
}
