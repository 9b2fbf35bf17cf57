import { inspectLink, type LinkInfo } from './link-check.js';

export interface FrameLinkHandlers {
  /** The link under the pointer or the keyboard focus, or null when there is none. */
  onHover(link: LinkInfo | null): void;
  /** A click (or Enter) on a link the app may open. */
  onActivate(link: LinkInfo): void;
}

// The frame's nodes belong to another realm, so `instanceof Element` is false for them: test the shape instead.
function anchorOf(target: EventTarget | null): Element | null {
  const node = target as Partial<Element> | null;
  return typeof node?.closest === 'function' ? node.closest('a[href]') : null;
}

function linkOf(anchor: Element): LinkInfo | null {
  // The attribute as written, not the `href` property: a relative href would resolve against this app's address
  // (a srcdoc frame inherits it), so only absolute URLs count as links.
  return inspectLink(anchor.getAttribute('href') ?? '', anchor.textContent ?? '');
}

/**
 * The frame runs no script (its sandbox has no allow-scripts), but allow-same-origin lets this page listen to its
 * document: hovering shows a link's real target, and a click never navigates the frame: it opens outside the app,
 * or asks first when the link looks deceptive. Returns a function that removes the listeners.
 */
export function attachFrameLinks(doc: Document, handlers: FrameLinkHandlers): () => void {
  const hover = (event: Event) => {
    const anchor = anchorOf(event.target);
    handlers.onHover(anchor ? linkOf(anchor) : null);
  };
  const leave = () => handlers.onHover(null);
  const click = (event: Event) => {
    const anchor = anchorOf(event.target);
    if (!anchor) return;
    event.preventDefault();
    const link = linkOf(anchor);
    if (link?.openable && (event as MouseEvent).button === 0) handlers.onActivate(link);
  };
  const listeners: Array<[EventTarget, string, (event: Event) => void]> = [
    [doc, 'mouseover', hover],
    [doc, 'focusin', hover],
    [doc.documentElement, 'mouseleave', leave],
    [doc, 'focusout', leave],
    [doc, 'click', click],
    // Middle and other buttons would otherwise try a new window.
    [doc, 'auxclick', click],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
  };
}
