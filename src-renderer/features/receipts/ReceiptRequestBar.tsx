import { useState } from 'react';
import type { MessageDetail } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { useOpenMessage } from '../reader/reader-place.js';

/**
 * "NAME asks for a read receipt — Send / Don't send" (RFC 8098 §2.1: a receipt is sent only if the person says so).
 * Either answer flags the message $MDNSent in the engine, after which the message no longer asks and the bar goes.
 * The engine's refusal (no account to send from, already answered elsewhere) is shown in the bar.
 */
export function ReceiptRequestBar({ detail, onQueued }: { detail: MessageDetail; onQueued: () => void }) {
  const t = useT();
  const refresh = useOpenMessage((s) => s.refresh);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = detail.from ? detail.from.name || detail.from.address : '?';

  const answer = async (send: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await engine().client.api.receipts.answer({ messageId: detail.id, send });
      if (result.sent) onQueued();
      await refresh();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="banner reader-banner receipts-bar receipts-request" role="note" data-testid="receipts-request">
      <span className="banner-text">
        {t('receipts.request', { name })}
        {problem ? (
          <span className="receipts-problem" role="alert" data-testid="receipts-problem">
            {problem}
          </span>
        ) : null}
      </span>
      <button type="button" className="button" disabled={busy} onClick={() => void answer(true)} data-testid="receipts-send">
        {t('receipts.send')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void answer(false)} data-testid="receipts-decline">
        {t('receipts.dontSend')}
      </button>
    </div>
  );
}
