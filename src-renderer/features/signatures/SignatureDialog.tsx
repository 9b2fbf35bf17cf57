import { useEffect, useId, useRef, useState } from 'react';
import { ContractError, type Signature } from '../../../src-shared/contract/index.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import { engine } from '../../api/engine.js';
import { useT } from '../../i18n/use-t.js';
import { BodyEditor, type EditorHandle } from '../compose/editor/BodyEditor.js';
import { closeSignature, type SignatureTarget } from './signature-store.js';
import '../compose/compose.css';
import '../dialogs/dialogs.css';
import './signatures.css';

type Position = Signature['position'];

/** What the editor holds, or '' when it holds nothing worth signing with (an empty paragraph). */
function signatureHtml(handle: EditorHandle): string {
  const html = handle.html();
  return handle.text().trim() === '' && !/<img\b/i.test(html) ? '' : html;
}

const messageOf = (error: unknown) => (error instanceof ContractError ? error.message : String(error));

/**
 * An account's signature, written like a message (the composer's editor: formatting, links, a pasted logo), and
 * whether replies and forwards put it above or below the quoted message. The engine keeps it per account.
 */
export function SignatureDialog({ target }: { target: SignatureTarget }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [loaded, setLoaded] = useState<Signature | null>(null);
  const [position, setPosition] = useState<Position>('above-quote');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useRef<EditorHandle | null>(null);
  useModal(ref);

  useEffect(() => {
    let live = true;
    engine()
      .client.api.signatures.get({ accountId: target.accountId })
      .then((signature) => {
        if (!live) return;
        setLoaded(signature);
        setPosition(signature.position);
      })
      .catch((error: unknown) => live && setProblem(messageOf(error)));
    return () => {
      live = false;
    };
  }, [target.accountId]);

  const save = async () => {
    if (!editor.current || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await engine().client.api.signatures.set({ accountId: target.accountId, html: signatureHtml(editor.current), position });
      closeSignature();
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <Modal dialogRef={ref} className="small-dialog signature-dialog" aria-labelledby={titleId} aria-busy={loaded === null} data-testid="signature-dialog" onClose={closeSignature}>
      <h2 id={titleId}>{t('signatures.title', { name: target.accountName })}</h2>
      <div className="signature-editor" data-testid="signature-editor">
        {loaded ? (
          <BodyEditor
            initialHtml={loaded.html}
            onReady={(handle) => (editor.current = handle)}
            onChange={() => undefined}
            onOtherFiles={() => setProblem(t('signatures.onlyPictures'))}
            onTooLarge={() => setProblem(t('signatures.pictureTooLarge'))}
            autoFocus
          />
        ) : problem === null ? (
          <p className="signature-loading" role="status">
            {t('signatures.loading')}
          </p>
        ) : null}
      </div>
      <fieldset className="signature-position" disabled={loaded === null}>
        <legend>{t('signatures.position')}</legend>
        {(['above-quote', 'below-quote'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="signature-position" value={value} checked={position === value} onChange={() => setPosition(value)} data-testid={`signature-${value}`} />
            {t(value === 'above-quote' ? 'signatures.position.above' : 'signatures.position.below')}
          </label>
        ))}
      </fieldset>
      {problem ? (
        <p className="dialog-problem" role="alert" data-testid="signature-problem">
          {problem}
        </p>
      ) : null}
      <footer>
        <button type="button" className="button" onClick={closeSignature} data-testid="signature-cancel">
          {t('dialog.cancel')}
        </button>
        <button type="button" className="button button-primary" aria-disabled={loaded === null || busy} onClick={() => void save()} data-testid="signature-save">
          {t('signatures.save')}
        </button>
      </footer>
    </Modal>
  );
}
