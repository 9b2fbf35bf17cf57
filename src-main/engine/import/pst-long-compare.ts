import { createRequire } from 'node:module';

/**
 * pst-extractor 1.12.0 walks the b-trees of ANSI (Outlook 97–2002) files comparing `Long` node ids with `>`, which
 * JavaScript does on their decimal strings ("97" > "1000"): any ANSI file whose b-tree has more than one level then
 * fails to open with "findBtreeItem Unable to find 97" (epfromer/pst-extractor issue #5). Giving `Long` a numeric
 * valueOf makes those comparisons numeric. `long` is pst-extractor's own dependency (nothing else here uses it),
 * resolved from pst-extractor so that it is the very copy the library loaded; every id in a PST fits in 2^53.
 */
interface LongClass {
  prototype: { toNumber(): number; valueOf(): unknown };
  fromNumber(n: number): object;
}

function longClass(): LongClass {
  return createRequire(import.meta.resolve('pst-extractor'))('long') as LongClass;
}

/** A node id as the `Long` pst-extractor's lookups take. */
export function pstLong(n: number): object {
  return longClass().fromNumber(n);
}

export function makeLongCompareByValue(): void {
  const Long = longClass();
  if (Object.prototype.hasOwnProperty.call(Long.prototype, 'valueOf')) return;
  Object.defineProperty(Long.prototype, 'valueOf', {
    value(this: { toNumber(): number }) {
      return this.toNumber();
    },
    configurable: true,
    writable: true,
  });
}
