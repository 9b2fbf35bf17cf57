import { useMemo, useState } from 'react';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { ReceiptBars } from '../receipts/ReceiptBars.js';
import { LinkConfirmDialog } from './LinkConfirmDialog.js';
import { LinkStatus } from './LinkStatus.js';
import { MessageFrame, MessageText } from './MessageBody.js';
import { RemoteContentBar } from './RemoteContentBar.js';
import { openOutside, type LinkInfo } from './link-check.js';
import { useOpenMessage } from './reader-place.js';
import { sanitizeBody } from './sanitize.js';
import { useRemotePolicy } from './use-allow-remote.js';

/**
 * The body of one message with what goes around it: the remote content bar, the link status line and the
 * confirmation for deceptive links. Remote content loads as useRemotePolicy says.
 */
export function MessageView({ detail }: { detail: MessageDetail }) {
  const t = useT();
  const remoteOnce = useOpenMessage((s) => s.remoteOnce);
  const plainText = useOpenMessage((s) => s.plainText);
  const { junk, allowRemote } = useRemotePolicy(detail);
  const [hovered, setHovered] = useState<LinkInfo | null>(null);
  const [confirming, setConfirming] = useState<LinkInfo | null>(null);

  const body = useMemo(() => (detail.html === null ? null : sanitizeBody(detail.html, allowRemote)), [detail.html, allowRemote]);

  const activate = (link: LinkInfo) => {
    if (link.warning) setConfirming(link);
    else openOutside(link);
  };

  let content;
  if (body && !plainText) {
    content = <MessageFrame html={body.html} allowRemote={allowRemote} onHover={setHovered} onActivate={activate} />;
  } else if (detail.text !== null && detail.text !== '') {
    content = <MessageText text={detail.text} />;
  } else if (body && body.text !== '') {
    content = <MessageText text={body.text} />;
  } else {
    content = <EmptyState text={t(detail.private ? 'reader.private' : 'reader.noBody')} />;
  }

  return (
    <>
      <ReceiptBars detail={detail} />
      {body && !junk && !plainText ? (
        <RemoteContentBar
          count={body.remote}
          sender={detail.from?.address ?? null}
          senderAllowed={detail.remoteContentAllowed}
          loadedOnce={remoteOnce}
        />
      ) : null}
      <div className="reader-body">{content}</div>
      {plainText ? null : <LinkStatus link={hovered} />}
      {confirming ? <LinkConfirmDialog link={confirming} onClose={() => setConfirming(null)} /> : null}
    </>
  );
}
