import type { Address } from '../../src-shared/contract/index.js';

/** A person as a list shows them: the display name when there is one, else the address. */
export function personName(a: Address): string {
  return a.name.trim() || a.address;
}

export function peopleNames(list: readonly Address[]): string {
  return list.map(personName).join(', ');
}
