import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useOpenMessage } from './reader-place.js';

interface RemoteContentBarProps {
  /** Remote resources the message asks for. */
  count: number;
  /** The sender whose choice "Always for" records; null when the message names no sender. */
  sender: string | null;
  senderAllowed: boolean;
  loadedOnce: boolean;
}

/**
 * Offers to load what was blocked: this message this time, or always for its sender (Thunderbird's per-sender
 * permission). Once a sender is allowed, the bar says so and offers to block again. The caller never shows it
 * for junk, which never loads remote content at all.
 */
export function RemoteContentBar({ count, sender, senderAllowed, loadedOnce }: RemoteContentBarProps) {
  const t = useT();
  const loadRemoteOnce = useOpenMessage((s) => s.loadRemoteOnce);
  const setSenderRemoteContent = useOpenMessage((s) => s.setSenderRemoteContent);
  if (count === 0) return null;

  if (senderAllowed && sender) {
    return (
      <div className="banner reader-banner remote-bar remote-bar-allowed" role="note" data-testid="remote-bar" data-state="allowed">
        <span className="banner-text">{t('reader.remote.allowed', { sender })}</span>
        <button type="button" className="button" onClick={() => void setSenderRemoteContent(false)} data-testid="remote-block-again">
          {t('reader.remote.blockAgain')}
        </button>
      </div>
    );
  }
  if (loadedOnce) return null;
  return (
    <div className="banner reader-banner remote-bar" role="note" data-testid="remote-bar" data-state="blocked">
      <Icon name="lock" />
      <span className="banner-text" data-testid="remote-count">
        {t('reader.remote.blocked', { count })}
      </span>
      <button type="button" className="button" onClick={loadRemoteOnce} data-testid="remote-load">
        {t('reader.remote.load')}
      </button>
      {sender ? (
        <button type="button" className="button" onClick={() => void setSenderRemoteContent(true)} data-testid="remote-always">
          {t('reader.remote.always', { sender })}
        </button>
      ) : null}
    </div>
  );
}
