import type { Address, Contact, MessageDetail } from '../../../src-shared/contract/index.js';

/**
 * The person on the other side of an email: its sender when it came in, its first recipient when the office sent
 * it (the agent is not the customer a ticket or a task is about).
 */
export function correspondent(detail: Pick<MessageDetail, 'direction' | 'from' | 'to'>): Address | null {
  return detail.direction === 'out' ? (detail.to[0] ?? null) : detail.from;
}

const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The contact an email is about, for prefilling a requester or a task's relation. A contact with the
 * correspondent's address wins; failing that, the one contact the email is filed under (a generic address someone
 * said stands for a contact links that contact by hand). Several candidates and no way to choose: none.
 */
export function pickCorrespondentContact(
  detail: Pick<MessageDetail, 'direction' | 'from' | 'to' | 'links'>,
  withAddress: readonly Contact[],
): { id: number; name: string } | null {
  const address = correspondent(detail)?.address;
  const living = withAddress.filter((c) => !c.deleted);
  const byAddress = address ? living.filter((c) => same(c.email, address) || same(c.email2, address)) : [];
  const linked = detail.links.filter((l) => l.type === 'contact');
  if (byAddress.length === 1) return { id: byAddress[0]!.id, name: contactName(byAddress[0]!) };
  if (byAddress.length > 1) {
    // Two contacts share the address: the one this email is filed under, if it says.
    const filed = byAddress.filter((c) => linked.some((l) => l.id === c.id));
    return filed.length === 1 ? { id: filed[0]!.id, name: contactName(filed[0]!) } : null;
  }
  return linked.length === 1 ? { id: linked[0]!.id, name: linked[0]!.name } : null;
}

export function contactName(c: Pick<Contact, 'firstName' | 'lastName' | 'email'>): string {
  return `${c.firstName} ${c.lastName}`.trim() || (c.email ?? '');
}
