import { missingCase } from '../../../src-shared/domain/exhaustive.js';
import { Icon } from '../../components/Icon.js';
import { useT, type Translate } from '../../i18n/use-t.js';
import type { LinkInfo, LinkWarning } from './link-check.js';

export function linkWarningText(t: Translate, warning: LinkWarning, link: LinkInfo): string {
  switch (warning) {
    case 'mismatch':
      return t('reader.link.warning.mismatch', { shown: link.shown ?? '' });
    case 'ipAddress':
      return t('reader.link.warning.ipAddress');
    case 'punycode':
      return t('reader.link.warning.punycode');
    default:
      return missingCase(warning);
  }
}

/**
 * The real target of the link under the pointer, at the foot of the pane as in a browser's status bubble: the
 * frame's own pointer shows nothing, and link text can claim any address.
 */
export function LinkStatus({ link }: { link: LinkInfo | null }) {
  const t = useT();
  if (!link) return null;
  return (
    <div className={`link-status${link.warning ? ' link-status-warning' : ''}`} data-testid="link-status" data-warning={link.warning ?? ''}>
      {link.warning ? (
        <span className="link-status-warning-text">
          <Icon name="warning" />
          {linkWarningText(t, link.warning, link)}
        </span>
      ) : null}
      <span className="link-status-target" data-testid="link-status-target">
        {link.target}
      </span>
    </div>
  );
}
