import { useMemo, useState } from 'react';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { useFolders } from '../../stores/folders-store.js';
import { useReader } from '../../stores/reader-store.js';
import { LinkConfirmDialog } from './LinkConfirmDialog.js';
import { LinkStatus } from './LinkStatus.js';
import { MessageFrame, MessageText } from './MessageBody.js';
import { RemoteContentBar } from './RemoteContentBar.js';
import { openOutside, type LinkInfo } from './link-check.js';
import { sanitizeBody } from './sanitize.js';

/**
 * The body of one message with what goes around it: the remote content bar, the link status line and the
 * confirmation for deceptive links. Remote content loads only when the agent chose it for this message or its
 * sender, and never in Junk, where mail is most likely to track or deceive (Mailspring does the same).
 */
export function MessageView({ detail }: { detail: MessageDetail }) {
  const t = useT();
  const remoteOnce = useReader((s) => s.remoteOnce);
  const plainText = useReader((s) => s.plainText);
  const folderKind = useFolders((s) => s.folders.find((f) => f.id === detail.folderId)?.kind);
  const [hovered, setHovered] = useState<LinkInfo | null>(null);
  const [confirming, setConfirming] = useState<LinkInfo | null>(null);

  const junk = folderKind === 'junk' || detail.flags.junk;
  const allowRemote = !junk && (detail.remoteContentAllowed || remoteOnce);
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
