/**
 * Whether an address can be sent to: a dot-atom local part (RFC 5322 §3.4.1, the quoted forms nobody types are
 * left out) at a domain of at least two labels, which may be written in any alphabet (nodemailer sends it in
 * punycode). "jean@exemple" or "ana popescu@firma.ro" are typing mistakes, not addresses.
 */
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

export function isSendableAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at < 1 || address.length > 254) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL.test(local) || labels.length < 2) return false;
  return labels.every((l) => LABEL.test(l)) && /^(?:[\p{L}]{2,}|xn--[a-z0-9-]+)$/iu.test(labels.at(-1)!);
}
