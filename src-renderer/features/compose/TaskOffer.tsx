import { useMemo } from 'react';
import { useT } from '../../i18n/use-t.js';
import { offeredTasks, useComposer } from './compose-store.js';

/**
 * Replying to an email that belongs to tasks: each is offered, ticked, for the reply to join its history. Nothing is
 * attached unasked (the engine's thread rule leaves tasks out), and one untick keeps a reply out of a task.
 */
export function TaskOffer() {
  const t = useT();
  // Each part selected alone: a selector building a new array would re-render without end.
  const draft = useComposer((s) => s.draft);
  const links = useComposer((s) => s.links);
  const tasks = useMemo(() => offeredTasks({ draft, links }), [draft, links]);
  const declined = useComposer((s) => s.declinedTasks);
  if (tasks.length === 0) return null;
  const toggle = (id: number, attach: boolean) =>
    useComposer.setState((s) => ({ declinedTasks: attach ? s.declinedTasks.filter((d) => d !== id) : [...s.declinedTasks, id] }));
  return (
    <fieldset className="compose-task-offer" data-testid="compose-task-offer">
      <legend>{t('compose.taskOffer.legend')}</legend>
      {tasks.map((task) => (
        <label key={task.id} className="compose-task-offer-item">
          <input type="checkbox" checked={!declined.includes(task.id)} onChange={(e) => toggle(task.id, e.currentTarget.checked)} data-testid="compose-task-offer-item" />
          {task.name}
        </label>
      ))}
    </fieldset>
  );
}
