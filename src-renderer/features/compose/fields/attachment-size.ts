import type { IntlShape } from 'react-intl';
import type { DraftAttachment } from '../../../../src-shared/contract/index.js';
import { missingCase } from '../../../../src-shared/domain/exhaustive.js';

const UNITS = ['kilobyte', 'megabyte', 'gigabyte'] as const;

/**
 * Sizes in the composer count in 1024s: mail limits are set that way (DEFAULT_ATTACHMENT_LIMIT is 10 × 1024 × 1024
 * and must read "10 MB", as Outlook and Thunderbird print it), and each file's size must add up to the total shown
 * beside the limit. (The reader's lists use formatSize's decimal units; here the sum against the limit matters.)
 */
export function formatBinarySize(intl: IntlShape, bytes: number): string {
  let value = Math.max(0, bytes) / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (bytes > 0 && value < 0.1) value = 0.1;
  // 10.04 MB over a 10 MB limit must not print as "10 MB": one decimal, truncated rather than rounded up or down.
  const shown = value >= 100 ? Math.floor(value) : Math.floor(value * 10) / 10;
  return intl.formatNumber(shown, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: 1 });
}

/** What is known of an attachment's size: blobs carry it; CRM documents chosen here were listed with theirs. */
export function attachmentSize(a: DraftAttachment, known: ReadonlyMap<string, number>): number | null {
  if (a.kind === 'blob') return a.size;
  if (a.kind === 'upload') return Math.floor((a.data.length * 3) / 4) - (a.data.endsWith('==') ? 2 : a.data.endsWith('=') ? 1 : 0);
  return known.get(sizeKey(a)) ?? null;
}

export function sizeKey(a: DraftAttachment): string {
  switch (a.kind) {
    case 'blob':
      return `blob:${a.sha256}`;
    case 'upload':
      return `upload:${a.filename}`;
    case 'attachment':
      return `attachment:${a.attachmentId}`;
    case 'document':
      return `document:${a.documentId}`;
    case 'message':
      return `message:${a.messageId}`;
    default:
      return missingCase(a);
  }
}

export function totals(list: readonly DraftAttachment[], known: ReadonlyMap<string, number>): { bytes: number; unknown: number } {
  let bytes = 0;
  let unknown = 0;
  for (const a of list) {
    const size = attachmentSize(a, known);
    if (size === null) unknown++;
    else bytes += size;
  }
  return { bytes, unknown };
}
