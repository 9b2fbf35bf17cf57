import { useIntl } from 'react-intl';
import { Icon } from '../../../components/Icon.js';
import { useT } from '../../../i18n/use-t.js';
import { formatBinarySize } from './attachment-size.js';
import { UPLOAD_MAX_BYTES } from './attachment-upload.js';

/** A file on its way to the engine, or one that could not be taken (with why). */
export interface Upload {
  key: number;
  file: File;
  state: 'waiting' | 'reading' | 'sending' | 'failed' | 'too-big';
  /** How much of the file is read, 0–1. */
  progress: number;
  error: string | null;
}

export function UploadRow({ upload, onRetry, onDismiss }: { upload: Upload; onRetry(): void; onDismiss(): void }) {
  const t = useT();
  const intl = useIntl();
  const { file, state } = upload;
  const failed = state === 'failed' || state === 'too-big';
  return (
    <li className={`cf-attachment cf-upload${failed ? ' is-failed' : ''}`} data-testid="compose-upload" data-state={state} data-name={file.name}>
      <Icon name={failed ? 'warning' : 'file'} />
      <span className="cf-upload-name">{file.name}</span>
      <span className="cf-attachment-size">{formatBinarySize(intl, file.size)}</span>
      {failed ? (
        <>
          <span className="cf-upload-error" role="alert" data-testid="compose-upload-error">
            {state === 'too-big'
              ? t('composeFields.upload.tooBig', { size: formatBinarySize(intl, file.size), max: formatBinarySize(intl, UPLOAD_MAX_BYTES) })
              : t('composeFields.upload.failed', { reason: upload.error ?? '' })}
          </span>
          {state === 'failed' ? (
            <button type="button" className="link-button" onClick={onRetry} data-testid="compose-upload-retry">
              {t('composeFields.upload.retry')}
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label={t('composeFields.upload.dismiss', { name: file.name })} onClick={onDismiss} data-testid="compose-upload-dismiss">
            <Icon name="close" />
          </button>
        </>
      ) : (
        <>
          <progress
            className="cf-upload-progress"
            max={1}
            // Reading has a measure; the engine's answer does not (one frame), so that part is indeterminate.
            value={state === 'reading' ? upload.progress : undefined}
            aria-label={t('composeFields.upload.progress', { name: file.name })}
          />
          <span className="cf-upload-state">{t(state === 'waiting' ? 'composeFields.upload.waiting' : 'composeFields.upload.sending')}</span>
        </>
      )}
    </li>
  );
}
