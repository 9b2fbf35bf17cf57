/**
 * Prints a document made by printDocument() from a frame of its own: printing the page would cut a long message at
 * the first page (Chromium prints a frame as one unbreakable box) and carry the app's chrome. The frame may not
 * run scripts (no allow-scripts); allow-modals is what lets this page call its print(). One frame at a time: a new
 * print replaces the last one, which also stays for a test or a second look until then.
 */
export function printInFrame(html: string, title: string): void {
  document.querySelector('iframe.print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.title = title;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('data-testid', 'print-frame');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.referrerPolicy = 'no-referrer';
  // Load waits for the images the message may show, so they are on paper too.
  frame.addEventListener('load', () => frame.contentWindow?.print(), { once: true });
  frame.srcdoc = html;
  document.body.append(frame);
}
