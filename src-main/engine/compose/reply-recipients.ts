import type { Address } from '../../../src-shared/contract/index.js';
import { normalizeAddress } from '../../../src-shared/domain/address.js';

export interface RepliedMessage {
  from: Address | null;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
}

/**
 * Who a reply goes to. Reply: the Reply-To addresses when the sender set some (a mailing list, a no-reply sender
 * naming its desk), else the sender. Reply all: those, plus everyone in To, with Cc kept in Cc, never one of the
 * agent's own addresses and never an address twice. Answering one's own sent message goes to its recipients, as
 * in every mail client, rather than back to oneself.
 */
export function replyRecipients(original: RepliedMessage, mode: 'reply' | 'reply-all', own: ReadonlySet<string>): { to: Address[]; cc: Address[] } {
  const isOwn = (a: Address) => own.has(normalizeAddress(a.address));
  const fromOwn = original.from !== null && isOwn(original.from);
  const primary = fromOwn ? original.to : original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
  const seen = new Set<string>();
  const pick = (list: Address[]) =>
    list.filter((a) => {
      const key = normalizeAddress(a.address);
      if (key === '' || own.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  if (mode === 'reply') {
    const to = pick(primary);
    // A note to oneself answered: nobody else is in it, so it goes to oneself again.
    return { to: to.length > 0 ? to : primary.slice(0, 1), cc: [] };
  }
  const to = pick([...primary, ...(fromOwn ? [] : original.to)]);
  const cc = pick(original.cc);
  return { to: to.length > 0 || cc.length > 0 ? to : primary.slice(0, 1), cc };
}
