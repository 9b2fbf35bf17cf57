import type Database from 'better-sqlite3';
import type { Draft, RecipientWarning } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';
import { cached } from '../store/statements.js';
import { isSendableAddress } from './address-check.js';
import type { DraftFiles } from './draft-files.js';
import { sanitizeOutgoingHtml } from './html-body.js';
import { InlinePictures } from './inline-images.js';

export const recipientsOf = (draft: Pick<Draft, 'to' | 'cc' | 'bcc'>) => [...draft.to, ...draft.cc, ...draft.bcc];

/** What to warn about before sending: addresses that are not addresses, and those kept out or bounced before. */
export function recipientWarnings(sqlite: Database.Database, draft: Draft): RecipientWarning[] {
  const warnings: RecipientWarning[] = [];
  const seen = new Set<string>();
  const state = cached(sqlite, 'SELECT blacklisted_at, bounce FROM address_states WHERE address = ?');
  for (const { address } of recipientsOf(draft)) {
    const key = normalizeAddress(address);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!isSendableAddress(address.trim())) {
      warnings.push({ address, reason: 'invalid' });
      continue;
    }
    const row = state.get(key) as { blacklisted_at: number | null; bounce: 'hard' | 'soft' | null } | undefined;
    if (row?.blacklisted_at != null) warnings.push({ address, reason: 'blacklisted' });
    if (row?.bounce === 'hard') warnings.push({ address, reason: 'hard-bounce' });
    if (row?.bounce === 'soft') warnings.push({ address, reason: 'soft-bounce' });
  }
  return warnings;
}

/**
 * The bytes the limit is about: every attached file, and the pictures pasted into the body, which travel as parts
 * of the message just the same.
 */
export function attachmentBytes(files: DraftFiles, draft: Draft): number {
  const attached = draft.attachments.reduce((sum, a) => sum + files.size(a), 0);
  if (draft.plainText || !/data:image\//i.test(draft.html)) return attached;
  // As buildMime counts them: taken from the raw HTML, then from the sanitised one only if some are left.
  const pictures = new InlinePictures('size.invalid');
  const rest = pictures.replace(draft.html);
  if (/data:image\//i.test(rest)) pictures.replace(sanitizeOutgoingHtml(rest));
  return attached + pictures.images.reduce((sum, i) => sum + i.content.length, 0);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;

/** Why this draft may not be sent as it is, one sentence per problem; empty when it may. */
export function sendProblems(draft: Draft, bytes: number, limit: number, now = Date.now()): string[] {
  const problems: string[] = [];
  // A minute's grace for the time it took to press Send; later than that, "send later" at a past time is a mistake.
  if (draft.sendAt !== null && Date.parse(draft.sendAt) < now - 60_000) {
    problems.push('The time chosen to send it has already passed: choose a later time, or send it now.');
  }
  const recipients = recipientsOf(draft);
  if (recipients.length === 0) problems.push('Add at least one recipient in To, Cc or Bcc.');
  if (draft.subject.trim() === '') problems.push('Write a subject: a message without one is easily overlooked, or taken for spam.');
  const invalid = [...new Set(recipients.map((r) => r.address).filter((a) => !isSendableAddress(a.trim())))];
  if (invalid.length > 0) problems.push(`${invalid.map((a) => `"${a}"`).join(', ')} ${invalid.length === 1 ? 'is not a valid address' : 'are not valid addresses'}: correct or remove ${invalid.length === 1 ? 'it' : 'them'}.`);
  if (bytes > limit) {
    problems.push(`The attachments and pictures come to ${megabytes(bytes)}, over the ${megabytes(limit)} limit: remove some, or share the larger files another way.`);
  }
  return problems;
}
