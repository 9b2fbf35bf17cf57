import { useRef } from 'react';
import { useIntl } from 'react-intl';
import type { DraftAttachment } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { formatSize } from '../../format/size.js';
import { useT } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';

/** The bytes of a file chosen in the page, as base64 (the engine keeps them as a blob once the template is saved). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function sizeOf(a: DraftAttachment): number | null {
  if (a.kind === 'blob') return a.size;
  if (a.kind === 'upload') return Math.floor((a.data.length * 3) / 4) - (a.data.endsWith('==') ? 2 : a.data.endsWith('=') ? 1 : 0);
  return null;
}

/** The files every message from the template carries. */
export function AttachmentsField({ items, onChange }: { items: DraftAttachment[]; onChange(items: DraftAttachment[]): void }) {
  const t = useT();
  const intl = useIntl();
  const input = useRef<HTMLInputElement>(null);

  async function add(files: FileList | null) {
    if (!files) return;
    try {
      const added = await Promise.all(
        [...files].map(async (f): Promise<DraftAttachment> => ({ kind: 'upload', filename: f.name, contentType: f.type || 'application/octet-stream', data: await readBase64(f) })),
      );
      onChange([...items, ...added]);
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <div className="template-attachments" data-testid="template-attachments">
      <span className="template-preview-label">{t('templates.attachments')}</span>
      <ul>
        {items.map((a, i) => {
          const size = sizeOf(a);
          return (
            <li key={`${a.filename}-${i}`} data-testid="template-attachment">
              <Icon name="paperclip" />
              <span className="template-attachment-name">{a.filename}</span>
              {size !== null ? <span className="template-attachment-size">{formatSize(intl, size)}</span> : null}
              <button
                type="button"
                className="icon-button"
                title={t('templates.removeAttachment', { name: a.filename })}
                aria-label={t('templates.removeAttachment', { name: a.filename })}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                <Icon name="close" />
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button" onClick={() => input.current?.click()} data-testid="template-attach">
        <Icon name="paperclip" /> {t('templates.attach')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="template-attach-input"
        onChange={(e) => {
          void add(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
