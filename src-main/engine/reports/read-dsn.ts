import { normalizeMessageId } from '../../../src-shared/domain/message-id.js';
import { unique } from './read-mdn.js';
import { fieldGroups, headerBlockOf, typedAddress, type ReportSource } from './report-parts.js';
import type { RecipientOutcome } from './report-types.js';
import { bounceOf, recipientStatus } from './status-codes.js';

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
/** Where a report returns the original: whole (RFC 3464 §2, RFC 6533) or its headers only (RFC 6522 §4). */
const RETURNED_TYPES = ['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers'];

/**
 * The machine-readable part of a delivery report (RFC 3464 §2.2–2.3): the per-message group first, then one
 * group per recipient. Null when the message has no such part.
 */
export function readDsnFields(source: ReportSource): { recipients: RecipientOutcome[]; envelopeId: string | null } | null {
  const part = source.parts.find((p) => DSN_TYPES.has(p.contentType));
  if (!part) return null;
  const groups = fieldGroups(part.text);
  let envelopeId: string | null = null;
  const recipients: RecipientOutcome[] = [];
  for (const group of groups) {
    const one = (name: string) => group.get(name)?.[0];
    envelopeId ??= normalizeMessageId(one('original-envelope-id'));
    const address = typedAddress(one('final-recipient')) ?? typedAddress(one('x-actual-recipient'));
    if (!address) continue;
    const action = one('action')?.trim().toLowerCase().split(/[\s(]/, 1)[0] || null;
    const status = recipientStatus(one('status'), one('diagnostic-code'), action);
    if (!status) continue;
    recipients.push({ address, originalAddress: typedAddress(one('original-recipient')), status, action, bounce: bounceOf(status, action) });
  }
  return { recipients, envelopeId };
}

/** The Message-ID of the returned original, from the first returned part that has one. */
export function returnedMessageId(source: ReportSource): string | null {
  for (const type of RETURNED_TYPES) {
    for (const part of source.parts.filter((p) => p.contentType === type)) {
      const id = normalizeMessageId(headerBlockOf(part.text).get('message-id'));
      if (id) return id;
    }
  }
  return null;
}

/**
 * The originals a delivery report may be about: the returned headers' Message-ID, then the envelope id (some
 * clients send the Message-ID as ENVID, RFC 3461 §4.4), then the report's own In-Reply-To and References.
 */
export function dsnOriginals(source: ReportSource, envelopeId: string | null, fallback: string[]): string[] {
  const returned = returnedMessageId(source);
  return unique([...(returned ? [returned] : []), ...(envelopeId ? [envelopeId] : []), ...fallback]);
}
