/**
 * A readable plain-text rendering of sanitised HTML, for the plain text view of a message that has no text part.
 * textContent alone runs paragraphs and table cells together, so blocks start new lines (paragraph-like ones
 * leave a blank line), and the source's own line breaks, which HTML treats as spaces, are folded.
 */

/** Line breaks around a block: 2 leaves a blank line. Adjacent blocks share theirs rather than adding them up. */
const BLOCKS: Record<string, 1 | 2> = {
  p: 2, h1: 2, h2: 2, h3: 2, h4: 2, h5: 2, h6: 2, blockquote: 2, pre: 2, table: 2, ul: 2, ol: 2, dl: 2, hr: 2,
  address: 1, article: 1, aside: 1, caption: 1, center: 1, dd: 1, details: 1, div: 1, dt: 1, figcaption: 1,
  figure: 1, footer: 1, header: 1, li: 1, main: 1, nav: 1, section: 1, summary: 1, tr: 1,
};

// Never shown: style sheets and the document's title.
const HIDDEN = new Set(['head', 'style', 'title', 'link']);

export function htmlToText(root: Element): string {
  let out = '';
  let pendingBreaks = 0;
  const write = (text: string) => {
    if (text === '') return;
    if (out !== '' && pendingBreaks > 0) out = out.replace(/[ \t]+$/, '') + '\n'.repeat(pendingBreaks);
    pendingBreaks = 0;
    out += text;
  };
  const breakLine = (n: number) => (pendingBreaks = Math.max(pendingBreaks, n));

  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      // Folded whitespace at the start of a line is indentation of the HTML source, not of the message.
      const folded = pre ? text : text.replace(/\s+/g, ' ');
      const lineStart = out === '' || out.endsWith('\n') || pendingBreaks > 0;
      write(!pre && lineStart ? folded.replace(/^ /, '') : folded);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.localName;
    if (HIDDEN.has(tag)) return;
    if (tag === 'br') {
      write('\n');
      return;
    }
    if (tag === 'img') return write(el.getAttribute('alt') ?? '');
    const breaks = BLOCKS[tag] ?? 0;
    breakLine(breaks);
    if (tag === 'li') write('• ');
    if ((tag === 'td' || tag === 'th') && el.previousElementSibling) write('\t');
    for (const child of Array.from(el.childNodes)) walk(child, pre || tag === 'pre');
    breakLine(breaks);
  };
  walk(root, false);
  return out.trim();
}
