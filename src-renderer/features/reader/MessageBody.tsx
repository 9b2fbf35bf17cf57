import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useT } from '../../i18n/use-t.js';
import { messageSrcdoc } from './srcdoc.js';

/**
 * HTML goes into a frame with an empty sandbox: no scripts and an opaque origin, so the mail can reach neither
 * this page nor the engine. Without same-origin we cannot measure its content, so it fills the pane and scrolls.
 */
export function MessageBody({ detail }: { detail: MessageDetail }) {
  const t = useT();
  if (detail.html) {
    return (
      <iframe
        className="message-body-frame"
        data-testid="message-body-frame"
        title={t('reader.bodyFrame')}
        sandbox=""
        referrerPolicy="no-referrer"
        srcDoc={messageSrcdoc(detail.html)}
      />
    );
  }
  if (detail.text !== null && detail.text !== '') {
    return (
      <pre className="message-body-text" data-testid="message-body-text">
        {detail.text}
      </pre>
    );
  }
  return <EmptyState text={t(detail.private ? 'reader.private' : 'reader.noBody')} />;
}
