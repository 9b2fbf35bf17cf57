/*
 * What people type into the CRM's forms, turned into what the contract takes. Pure, so it is unit-tested.
 */

/**
 * An amount as people type it in the locale's habit or another's: "1 250,50", "1.250,50", "1,250.50", "1250".
 * With both separators the last one is the decimal one; a lone one is the locale's decimal separator, or a
 * thousands separator when exactly three digits follow it each time ("1,250" in English, "1.250" in Romanian).
 * Null when empty, undefined when it is not an amount.
 */
export function parseAmount(text: string, decimalSeparator: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return null;
  if (!/^[0-9.,]+$/.test(compact)) return undefined;
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if (compact.split(decimal).length > 2) return undefined;
    normal = compact.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = compact.split(sep);
    const grouped = parts.slice(1).every((p) => p.length === 3) && parts[0] !== '';
    if (parts.length > 2) {
      if (!grouped) return undefined;
      normal = parts.join('');
    } else if (sep !== decimalSeparator && grouped) normal = parts.join('');
    else normal = parts.join('.');
  } else normal = compact;
  if (!/^\d+(\.\d+)?$/.test(normal) && !/^\.\d+$/.test(normal)) return undefined;
  return Number(normal);
}

/** The decimal separator of a locale: "," in French and Romanian, "." in English. */
export function decimalSeparatorOf(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** Phone numbers typed one per line (or separated by ";" or ","), blanks dropped. */
export function parsePhones(text: string): string[] {
  return text
    .split(/[\n;,]/)
    .map((p) => p.trim())
    .filter(Boolean);
}
