import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/use-t.js';
import { keepFrameFitted } from './frame-fit.js';
import { attachFrameLinks, type FrameLinkHandlers } from './frame-links.js';
import { messageSrcdoc } from './srcdoc.js';

interface MessageFrameProps extends FrameLinkHandlers {
  /** sanitizeBody()'s output for the same `allowRemote`. */
  html: string;
  allowRemote: boolean;
}

/**
 * The sanitised HTML in a frame sandboxed with allow-same-origin only: nothing in it can run (no allow-scripts —
 * never to be combined with allow-same-origin, which would let the mail remove its own sandbox), open windows or
 * submit forms, while this page can still read its document to size it and to handle its links.
 */
export function MessageFrame({ html, allowRemote, onHover, onActivate }: MessageFrameProps) {
  const t = useT();
  const ref = useRef<HTMLIFrameElement>(null);
  const cleanup = useRef<(() => void) | null>(null);
  const handlers = useRef<FrameLinkHandlers>({ onHover, onActivate });
  handlers.current = { onHover, onActivate };
  const srcdoc = useMemo(() => messageSrcdoc(html, allowRemote), [html, allowRemote]);

  // Each srcdoc makes a new document, whose load event wires it up; the previous document's listeners go first.
  const onLoad = () => {
    cleanup.current?.();
    const frame = ref.current;
    const doc = frame?.contentDocument;
    if (!frame || !doc?.documentElement) return;
    const unfit = keepFrameFitted(frame, doc);
    const unlink = attachFrameLinks(doc, {
      onHover: (link) => handlers.current.onHover(link),
      onActivate: (link) => handlers.current.onActivate(link),
    });
    cleanup.current = () => {
      unfit();
      unlink();
    };
  };
  useEffect(
    () => () => {
      cleanup.current?.();
      // The pointer's link goes with the frame (switching to plain text, say).
      handlers.current.onHover(null);
    },
    [],
  );

  return (
    <iframe
      ref={ref}
      className="message-body-frame"
      data-testid="message-body-frame"
      data-remote={allowRemote ? 'allowed' : 'blocked'}
      title={t('reader.bodyFrame')}
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
      srcDoc={srcdoc}
      onLoad={onLoad}
    />
  );
}

export function MessageText({ text }: { text: string }) {
  return (
    <pre className="message-body-text" data-testid="message-body-text">
      {text}
    </pre>
  );
}
