import type { MessageKey } from '../../i18n/catalogs.js';
import { useT } from '../../i18n/use-t.js';
import { SHORTCUT_PRESETS, useListPrefs, type ShortcutPreset } from '../../stores/list-prefs-store.js';

const NAMES: Record<ShortcutPreset, MessageKey> = {
  outlook: 'topbar.shortcuts.outlook',
  gmail: 'topbar.shortcuts.gmail',
  thunderbird: 'topbar.shortcuts.thunderbird',
};

/** Keyboard habits differ by the client people came from; each keeps its own keys in the message list. */
export function ShortcutsSelect() {
  const t = useT();
  const { shortcuts, setShortcuts } = useListPrefs();
  return (
    <select
      className="language-select"
      data-testid="shortcuts-select"
      aria-label={t('topbar.shortcuts')}
      title={t('topbar.shortcuts')}
      value={shortcuts}
      onChange={(e) => {
        const picked = SHORTCUT_PRESETS.find((p) => p === e.target.value);
        if (picked) setShortcuts(picked);
      }}
    >
      {SHORTCUT_PRESETS.map((p) => (
        <option key={p} value={p}>
          {t(NAMES[p])}
        </option>
      ))}
    </select>
  );
}
