import { useState } from 'react';
import type { AttachmentInfo } from '../../../src-shared/contract/index.js';
import { isProgramFile, safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { Icon } from '../../components/Icon.js';
import { confirmDialog } from '../../stores/dialog-store.js';
import { useT, type Translate } from '../../i18n/use-t.js';
import { AttachmentItem } from './AttachmentItem.js';
import { openAttachment, saveAttachments, type SaveOutcome } from './attachment-actions.js';

function outcomeText(t: Translate, outcome: SaveOutcome): string {
  if (outcome.kind === 'downloaded') return t('reader.attachments.downloaded', { name: outcome.name });
  if (outcome.folder !== null) return t('reader.attachments.savedIn', { count: outcome.paths.length, folder: outcome.folder });
  return t('reader.attachments.savedAs', { path: outcome.paths[0] ?? '' });
}

/**
 * The message's files, with "Save all". A program or a script is never opened from here (the engine refuses it
 * too): the person is told why and offered to save it instead, as Thunderbird does.
 */
export function AttachmentList({ messageId, attachments }: { messageId: number; attachments: readonly AttachmentInfo[] }) {
  const t = useT();
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  if (attachments.length === 0) return null;
  const label = t('reader.attachments', { count: attachments.length });

  const save = async (files: readonly AttachmentInfo[]) => {
    setOutcome(null);
    setOutcome(await saveAttachments(messageId, files));
  };
  // A program is never opened from here: the person is told why and may save it instead, as Thunderbird does.
  const open = async (attachment: AttachmentInfo) => {
    if (!isProgramFile(safeFileName(attachment.filename))) return openAttachment(attachment);
    const saveIt = await confirmDialog({
      title: t('reader.program.title'),
      body: t('reader.program.text', { name: safeFileName(attachment.filename) }),
      confirmLabel: t('reader.program.save'),
      danger: false,
    });
    if (saveIt) await save([attachment]);
  };

  return (
    <div className="attachments">
      <div className="attachments-title">
        <Icon name="paperclip" />
        <span>{label}</span>
        {attachments.length > 1 ? (
          <button type="button" className="button attachments-save-all" onClick={() => void save(attachments)} data-testid="attachments-save-all">
            {t('reader.attachments.saveAll')}
          </button>
        ) : null}
        <span className="attachments-status" role="status" data-testid="attachments-status">
          {outcome ? outcomeText(t, outcome) : ''}
        </span>
      </div>
      <ul className="attachment-list" aria-label={label}>
        {attachments.map((a) => (
          <AttachmentItem key={a.id} attachment={a} onOpen={() => void open(a)} onSave={() => void save([a])} />
        ))}
      </ul>
    </div>
  );
}
