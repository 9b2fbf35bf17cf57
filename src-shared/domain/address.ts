/** The form addresses are stored and matched in: trimmed and lower-cased (domains are case-insensitive, and
 * in practice no provider distinguishes local parts by case). */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** "Name <addr>" for display, or the bare address when there is no name. */
export function formatAddress(a: { name: string; address: string }): string {
  return a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address;
}
