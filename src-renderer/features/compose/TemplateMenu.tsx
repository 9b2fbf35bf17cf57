import { useMemo, useRef, useState } from 'react';
import type { Template } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { ContextMenu } from '../../components/ContextMenu.js';
import { useT } from '../../i18n/use-t.js';
import { insertTemplate, missingStill } from './compose-template.js';
import { useComposer } from './compose-store.js';

/** "Insert template": the templates the agent may use, listed when the menu opens (they change elsewhere). */
export function TemplateMenu() {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; items: Template[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async () => {
    setProblem(null);
    try {
      const { items } = await engine().client.api.templates.list({ query: '' });
      const box = button.current?.getBoundingClientRect();
      setMenu({ at: { x: box?.left ?? 0, y: box?.bottom ?? 0 }, items });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const run = (template: Template) => {
    insertTemplate(template).catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const close = () => {
    setMenu(null);
    button.current?.focus();
  };

  return (
    <>
      <button ref={button} type="button" className="button" aria-haspopup="menu" aria-expanded={menu !== null} onClick={() => void open()} data-testid="compose-insert-template">
        {t('compose.template.insert')}
      </button>
      {problem ? (
        <span className="compose-problem" role="alert" data-testid="compose-template-problem">
          {problem}
        </span>
      ) : null}
      {menu ? (
        <ContextMenu
          label={t('compose.template.menu')}
          at={menu.at}
          actions={
            menu.items.length > 0
              ? menu.items.map((item) => ({ id: `template-${item.id}`, label: item.name, run: () => run(item) }))
              : [{ id: 'none', label: t('compose.template.none'), run: () => undefined }]
          }
          onClose={close}
        />
      ) : null}
    </>
  );
}

/** Said once a template left fields without a value: they are marked in the text, and sending asks again. */
export function TemplateMissingNote() {
  const t = useT();
  const listed = useComposer((s) => s.templateMissing);
  // Read again as the mail changes: a field filled in by hand leaves the note.
  const revision = useComposer((s) => s.revision);
  const missing = useMemo(() => missingStill(listed), [listed, revision]);
  if (missing.length === 0) return null;
  return (
    <div className="banner compose-banner-warning" role="status" data-testid="compose-template-missing">
      <span className="banner-text">{t('compose.template.missing', { fields: missing.map((f) => `{{${f}}}`).join(', ') })}</span>
    </div>
  );
}
