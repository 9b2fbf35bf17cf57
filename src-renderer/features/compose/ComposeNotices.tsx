import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/use-t.js';
import { useComposer } from './compose-store.js';
import { TaskOffer } from './TaskOffer.js';
import { TemplateMissingNote } from './TemplateMenu.js';

/** Above the text: why the last send failed (the engine's reason), template fields without a value, the answered email's tasks, a short note. */
export function ComposeNotices() {
  const t = useT();
  const sendError = useComposer((s) => s.sendError);
  const notice = useComposer((s) => s.notice);
  return (
    <>
      {sendError ? (
        <div className="banner banner-error" role="alert" data-testid="compose-send-error">
          <Icon name="warning" />
          <span className="banner-text">{t('compose.send.failed', { reason: sendError })}</span>
          <button type="button" className="icon-button" onClick={() => useComposer.setState({ sendError: null })} aria-label={t('error.dismiss')}>
            <Icon name="close" />
          </button>
        </div>
      ) : null}
      <TemplateMissingNote />
      <TaskOffer />
      {notice ? (
        <div className="banner compose-banner-warning" role="status" data-testid="compose-notice">
          <span className="banner-text">{t(notice.key, notice.values)}</span>
          <button type="button" className="icon-button" onClick={() => useComposer.setState({ notice: null })} aria-label={t('error.dismiss')}>
            <Icon name="close" />
          </button>
        </div>
      ) : null}
    </>
  );
}
