import { useId, useRef, useState, type FormEvent } from 'react';
import { CATEGORY_COLORS, type Category } from '../../../src-shared/contract/index.js';
import { Icon } from '../../components/Icon.js';
import { Modal } from '../../components/Modal.js';
import { useModal } from '../../components/use-modal.js';
import type { MessageKey } from '../../i18n/catalogs.js';
import { useT } from '../../i18n/use-t.js';
import { engine } from '../../api/engine.js';
import { useCategories } from '../../stores/categories-store.js';
import { confirmDialog, nameDialog } from '../../stores/dialog-store.js';
import { reportError } from '../../stores/error-store.js';
import { byFamily } from './group-by-family.js';
import './categories.css';

const DIRECTIONS: Array<{ direction: 'in' | 'out'; title: MessageKey }> = [
  { direction: 'in', title: 'categories.incoming' },
  { direction: 'out', title: 'categories.outgoing' },
];

export function CategoriesDialog() {
  const editing = useCategories((s) => s.editing);
  return editing ? <Settings /> : null;
}

/** Settings for the company's categories: two lists (incoming, outgoing), each grouped by family. */
function Settings() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const items = useCategories((s) => s.items);
  const close = () => useCategories.getState().setEditing(false);
  useModal(ref);

  return (
    <Modal dialogRef={ref} className="small-dialog categories-dialog" aria-labelledby={titleId} data-testid="categories-dialog" onClose={close}>
      <h2 id={titleId}>{t('categories.title')}</h2>
      <div className="categories-columns">
        {DIRECTIONS.map(({ direction, title }) => (
          <section key={direction} aria-label={t(title)} data-testid={`categories-${direction}`}>
            <h3>{t(title)}</h3>
            {byFamily(items, direction).map(([family, list]) => (
              <div key={family}>
                {family ? <div className="category-family">{family}</div> : null}
                <ul>
                  {list.map((c) => (
                    <CategoryLine key={c.id} category={c} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
      <NewCategoryForm />
      <footer>
        <button type="button" className="button button-primary" onClick={close} data-testid="categories-close">
          {t('categories.done')}
        </button>
      </footer>
    </Modal>
  );
}

function CategoryLine({ category: c }: { category: Category }) {
  const t = useT();
  const api = () => engine().client.api;
  async function rename() {
    const name = await nameDialog({ title: t('categories.rename'), label: t('categories.name'), initial: c.name, confirmLabel: t('folders.rename.confirm') });
    if (name !== null && name !== c.name) await api().categories.update({ id: c.id, name }).catch(reportError);
  }
  async function remove() {
    const ok = await confirmDialog({ title: t('categories.deleteTitle', { name: c.name }), body: t('categories.deleteBody'), confirmLabel: t('categories.delete'), danger: true });
    if (ok) await api().categories.delete({ id: c.id }).catch(reportError);
  }
  return (
    <li className="category-line" data-testid="category-line">
      <span className={`category-chip${c.color ? ` is-${c.color}` : ''}`}>{c.name}</span>
      <select
        className="input"
        aria-label={t('categories.color', { name: c.name })}
        value={c.color ?? ''}
        onChange={(e) => void api().categories.update({ id: c.id, color: (e.target.value || null) as Category['color'] }).catch(reportError)}
      >
        <option value="">{t('categories.noColor')}</option>
        {CATEGORY_COLORS.map((color) => (
          <option key={color} value={color}>
            {t(`categories.colors.${color}`)}
          </option>
        ))}
      </select>
      <button type="button" className="icon-button" title={t('categories.rename')} aria-label={t('categories.renameNamed', { name: c.name })} onClick={() => void rename()}>
        ✎
      </button>
      <button type="button" className="icon-button" title={t('categories.delete')} aria-label={t('categories.deleteNamed', { name: c.name })} onClick={() => void remove()}>
        <Icon name="trash" />
      </button>
    </li>
  );
}

function NewCategoryForm() {
  const t = useT();
  const [name, setName] = useState('');
  const [family, setFamily] = useState('');
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      await engine().client.api.categories.create({ name, family, direction });
      setName('');
    } catch (error) {
      reportError(error);
    }
  }
  return (
    <form className="category-form" onSubmit={(e) => void submit(e)} data-testid="category-form">
      <label>
        {t('categories.name')}
        <input className="input" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="category-name" />
      </label>
      <label>
        {t('categories.family')}
        <input className="input" value={family} maxLength={80} onChange={(e) => setFamily(e.target.value)} data-testid="category-family" />
      </label>
      <label>
        {t('categories.direction')}
        <select className="input" value={direction} onChange={(e) => setDirection(e.target.value === 'out' ? 'out' : 'in')} data-testid="category-direction">
          <option value="in">{t('categories.incoming')}</option>
          <option value="out">{t('categories.outgoing')}</option>
        </select>
      </label>
      <button type="submit" className="button" aria-disabled={!name.trim()} data-testid="category-add">
        {t('categories.add')}
      </button>
    </form>
  );
}
