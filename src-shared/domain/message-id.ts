/** Message-IDs without angle brackets or surrounding white space; null when nothing usable is left. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
  return trimmed.length > 0 && trimmed.length <= 998 ? trimmed : null;
}

/** Every Message-ID in a References or In-Reply-To header value, in order, without duplicates. */
export function parseMessageIdList(value: string | string[] | null | undefined): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  const found = text.match(/<[^<>\s]+>/g) ?? text.split(/\s+/);
  const ids: string[] = [];
  for (const raw of found) {
    const id = normalizeMessageId(raw);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
