import { describe, expect, it } from 'vitest';
import { decimalSeparatorOf, parseAmount, parsePhones } from '../../src-renderer/features/crm/form/input-values.js';

/**
 * A deal's amount as people type it in a French, Romanian or English office, and the phone numbers they paste:
 * what the CRM form sends, or its refusal.
 */
describe('amounts typed into a deal', () => {
  it.each([
    ['1 250,50', ',', 1250.5],
    ['1\u202f250,50', ',', 1250.5],
    ['1.250,50', ',', 1250.5],
    ['1,250.50', ',', 1250.5],
    ['1,250.50', '.', 1250.5],
    ['1250', ',', 1250],
    ['12,5', ',', 12.5],
    ['12.5', ',', 12.5],
    ['12,5', '.', 12.5],
    // A lone separator with three digits after it: the locale's decimal one, else thousands.
    ['1,250', ',', 1.25],
    ['1,250', '.', 1250],
    ['1.250', ',', 1250],
    ['1.250', '.', 1.25],
    ['1.250.000', ',', 1_250_000],
    ["1'250.50", '.', 1250.5],
    ['.5', '.', 0.5],
  ])('reads %s (decimal "%s") as %d', (text, decimal, expected) => {
    expect(parseAmount(text, decimal)).toBe(expected);
  });

  it('takes an empty box as no amount', () => {
    expect(parseAmount('', ',')).toBeNull();
    expect(parseAmount('   ', '.')).toBeNull();
  });

  it.each(['abc', '12 €', '-5', '1,2,3', '1.2.3', '1,25,0', '1.250,5,0', '1e5'])('refuses %s', (text) => {
    expect(parseAmount(text, ',')).toBeUndefined();
  });

  it("knows each locale's decimal separator", () => {
    expect(decimalSeparatorOf('fr')).toBe(',');
    expect(decimalSeparatorOf('ro')).toBe(',');
    expect(decimalSeparatorOf('en')).toBe('.');
  });
});

describe('phone numbers typed into a contact', () => {
  it('takes one per line, or separated by ";" or ",", and drops blanks', () => {
    expect(parsePhones('+40 721 000 111\n\n  01 23 45 67 89 ;+33 6 12 34 56 78, ')).toEqual(['+40 721 000 111', '01 23 45 67 89', '+33 6 12 34 56 78']);
    expect(parsePhones('  ')).toEqual([]);
  });
});
