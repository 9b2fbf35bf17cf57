import type { Address, RecipientWarning } from '../../../../src-shared/contract/index.js';
import { formatAddress, normalizeAddress } from '../../../../src-shared/domain/address.js';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { addressProblem, type AddressProblem } from './address-input.js';

/**
 * What a chip warns about. `invalid` is the composer's own reading of the address (red: it cannot be sent to);
 * `warning` is what the engine knows of it (blacklisted, bounced: it can be sent to, after a second thought).
 */
export type ChipProblem =
  | { severity: 'invalid'; tag: MessageKey; text: MessageKey }
  | { severity: 'warning'; tag: MessageKey; text: MessageKey };

const INVALID_TEXT: Record<AddressProblem, MessageKey> = {
  missing: 'composeFields.invalid.missing',
  spaces: 'composeFields.invalid.spaces',
  'no-at': 'composeFields.invalid.noAt',
  'several-at': 'composeFields.invalid.severalAt',
  'no-local': 'composeFields.invalid.noLocal',
  'no-domain': 'composeFields.invalid.noDomain',
  'domain-dot': 'composeFields.invalid.domainDot',
  malformed: 'composeFields.invalid.malformed',
};

// The worst first: a blacklisted address that also bounced is shown as blacklisted.
const WARNINGS: Array<[RecipientWarning['reason'], ChipProblem]> = [
  ['invalid', { severity: 'invalid', tag: 'composeFields.tag.invalid', text: 'composeFields.invalid.malformed' }],
  ['blacklisted', { severity: 'warning', tag: 'composeFields.tag.blacklisted', text: 'composeFields.warning.blacklisted' }],
  ['hard-bounce', { severity: 'warning', tag: 'composeFields.tag.hardBounce', text: 'composeFields.warning.hardBounce' }],
  ['soft-bounce', { severity: 'warning', tag: 'composeFields.tag.softBounce', text: 'composeFields.warning.softBounce' }],
];

export function chipProblem(recipient: Address, warnings: readonly RecipientWarning[]): ChipProblem | null {
  const own = addressProblem(recipient.address);
  if (own) return { severity: 'invalid', tag: 'composeFields.tag.invalid', text: INVALID_TEXT[own] };
  const key = normalizeAddress(recipient.address);
  const reasons = new Set(warnings.filter((w) => normalizeAddress(w.address) === key).map((w) => w.reason));
  return WARNINGS.find(([reason]) => reasons.has(reason))?.[1] ?? null;
}

/** The recipient as the problem's sentence names it: what was typed, so the person recognises it. */
export function chipEntry(recipient: Address): string {
  return recipient.address === '' ? recipient.name : formatAddress(recipient);
}
