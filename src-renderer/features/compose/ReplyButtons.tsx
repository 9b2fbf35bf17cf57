import { useRef, useState } from 'react';
import { ContextMenu } from '../../components/ContextMenu.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { composeAbout } from './compose-open.js';

/**
 * Reply, Reply all and Forward on an open message, and under "More" the two less frequent ways: replying without
 * quoting the original and forwarding it as an attached .eml. Each opens the composer in its own window.
 */
export function ReplyButtons({ messageId }: { messageId: number }) {
  const t = useT();
  const more = useRef<HTMLButtonElement>(null);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const openMenu = () => {
    const box = more.current?.getBoundingClientRect();
    setMenuAt({ x: box?.left ?? 0, y: box?.bottom ?? 0 });
  };
  return (
    <>
      <button type="button" className="button reader-action" onClick={() => composeAbout(messageId, 'reply')} data-testid="reader-reply">
        <Icon name="reply" />
        {t('compose.reply')}
      </button>
      <button type="button" className="button reader-action" onClick={() => composeAbout(messageId, 'reply-all')} data-testid="reader-reply-all">
        {t('compose.replyAll')}
      </button>
      <button type="button" className="button reader-action" onClick={() => composeAbout(messageId, 'forward')} data-testid="reader-forward">
        {t('compose.forward')}
      </button>
      <button
        ref={more}
        type="button"
        className="button reader-action"
        aria-haspopup="menu"
        aria-expanded={menuAt !== null}
        aria-label={t('compose.replyMore')}
        title={t('compose.replyMore')}
        onClick={openMenu}
        data-testid="reader-reply-more"
      >
        <Icon name="chevron" className="compose-more-icon" />
      </button>
      {menuAt ? (
        <ContextMenu
          label={t('compose.replyMore')}
          at={menuAt}
          onClose={() => {
            setMenuAt(null);
            more.current?.focus();
          }}
          actions={[
            { id: 'reply-no-quote', label: t('compose.replyNoQuote'), run: () => composeAbout(messageId, 'reply', false) },
            { id: 'forward-attachment', label: t('compose.forwardAsAttachment'), run: () => composeAbout(messageId, 'forward-as-attachment') },
          ]}
        />
      ) : null}
    </>
  );
}
