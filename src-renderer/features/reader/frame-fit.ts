/**
 * Sizes the frame to its document, so the message has no scroll bar of its own and the reading pane scrolls as
 * one page. The frame is shrunk before measuring because a document's scroll height is never less than its
 * viewport; the pane's scroll position is put back, since the moment of shrinking may have clamped it.
 */
export function fitFrame(frame: HTMLIFrameElement): void {
  const doc = frame.contentDocument;
  const root = doc?.scrollingElement ?? doc?.documentElement;
  if (!root) return;
  const scroller = frame.closest<HTMLElement>('.reader-body');
  const scrollTop = scroller?.scrollTop ?? 0;
  frame.style.height = '0px';
  let height = root.scrollHeight;
  // A table wider than the pane scrolls sideways inside the frame; its scroll bar must not hide the last line.
  if (root.scrollWidth > root.clientWidth) height += 18;
  frame.style.height = `${height}px`;
  if (scroller) scroller.scrollTop = scrollTop;
}

/**
 * Fits once the document has loaded, again whenever one of its images or fonts finishes (a load event in the
 * frame, caught on the way down), and when the pane's width changes the line breaks. Returns a cleanup.
 */
export function keepFrameFitted(frame: HTMLIFrameElement, doc: Document): () => void {
  fitFrame(frame);
  const refit = () => fitFrame(frame);
  doc.addEventListener('load', refit, true);
  void doc.fonts?.ready.then(refit);
  let width = frame.clientWidth;
  const observer = new ResizeObserver(() => {
    // Our own height changes notify too; only a new width can change the content's height.
    if (frame.clientWidth === width) return;
    width = frame.clientWidth;
    refit();
  });
  observer.observe(frame);
  return () => {
    doc.removeEventListener('load', refit, true);
    observer.disconnect();
  };
}
