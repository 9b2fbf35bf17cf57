import { normalizeMessageId } from '../../../src-shared/domain/message-id.js';
import { fieldGroups, typedAddress, type ReportSource } from './report-parts.js';
import type { Report } from './report-types.js';

const MDN_TYPES = new Set(['message/disposition-notification', 'message/global-disposition-notification']);

/**
 * A read receipt (RFC 8098 §3.2): `Disposition: action-mode/sending-mode; type[/modifier]`, with the original named
 * by Original-Message-ID (§3.2.5), which is optional; the report's In-Reply-To and References stand in then.
 */
export function readMdn(source: ReportSource, fallback: string[]): Extract<Report, { kind: 'receipt' }> | null {
  const part = source.parts.find((p) => MDN_TYPES.has(p.contentType));
  if (!part) return null;
  const fields = new Map<string, string>();
  for (const group of fieldGroups(part.text)) for (const [name, values] of group) if (!fields.has(name)) fields.set(name, values[0]!);
  const disposition = dispositionType(fields.get('disposition'));
  if (!disposition) return null;
  const named = normalizeMessageId(fields.get('original-message-id'));
  return {
    kind: 'receipt',
    originals: unique([...(named ? [named] : []), ...fallback]),
    disposition,
    finalRecipient: typedAddress(fields.get('final-recipient')),
  };
}

/** "manual-action/MDN-sent-manually; displayed" → "displayed"; RFC 3798's "displayed/error" modifiers dropped. */
function dispositionType(value: string | undefined): string | null {
  const after = value?.split(';')[1];
  const type = after?.trim().split(/[\s/]/, 1)[0]?.toLowerCase();
  return type ? type : null;
}

export function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
