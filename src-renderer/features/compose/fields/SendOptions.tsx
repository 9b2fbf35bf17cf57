import { useEffect, useId } from 'react';
import type { Draft } from '../../../../src-shared/contract/index.js';
import { useT } from '../../../i18n/use-t.js';
import { useCategories } from '../../../stores/categories-store.js';
import { byFamily } from '../../categories/group-by-family.js';
import { SendLater } from './SendLater.js';
import './compose-fields.css';

/**
 * The message's options: a read receipt asked of the recipient, private (its content shown to no other agent),
 * the outgoing category it is filed under once sent, and when it goes.
 */
export function SendOptions({ draft, onChange }: { draft: Draft; onChange(patch: Partial<Draft>): void }) {
  const t = useT();
  const id = useId();
  const categories = useCategories((s) => s.items);
  const refresh = useCategories((s) => s.refresh);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const groups = byFamily(categories, 'out');
  // A category no longer offered (renamed, deleted, or a template's) still shows as chosen.
  const orphan = draft.category !== null && !groups.some(([, items]) => items.some((c) => c.name === draft.category));

  return (
    <div className="cf-options" role="group" aria-label={t('composeFields.options.title')} data-testid="compose-send-options">
      <label className="cf-option">
        <input type="checkbox" checked={draft.readReceipt} onChange={(e) => onChange({ readReceipt: e.target.checked })} data-testid="compose-read-receipt" />
        {t('composeFields.options.readReceipt')}
      </label>
      <label className="cf-option">
        <input type="checkbox" checked={draft.private} aria-describedby={`${id}-private`} onChange={(e) => onChange({ private: e.target.checked })} data-testid="compose-private" />
        {t('composeFields.options.private')}
        <span className="cf-hint" id={`${id}-private`}>
          {' '}
          {t('composeFields.options.privateHint')}
        </span>
      </label>
      <div className="cf-option">
        <label htmlFor={`${id}-category`}>{t('composeFields.options.category')}</label>
        <select
          id={`${id}-category`}
          className="cf-input"
          value={draft.category ?? ''}
          onChange={(e) => onChange({ category: e.target.value === '' ? null : e.target.value })}
          data-testid="compose-category"
        >
          <option value="">{t('composeFields.options.noCategory')}</option>
          {orphan ? <option value={draft.category!}>{draft.category}</option> : null}
          {groups.map(([family, items]) =>
            family === '' ? (
              items.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name}
                </option>
              ))
            ) : (
              <optgroup key={family} label={family}>
                {items.map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </div>
      <SendLater sendAt={draft.sendAt} onChange={(sendAt) => onChange({ sendAt })} />
    </div>
  );
}
