import { create } from 'zustand';
import type { MessageSort } from '../../src-shared/contract/index.js';

export const COLUMN_IDS = [
  'direction',
  'forum',
  'read',
  'star',
  'attachment',
  'correspondent',
  'from',
  'to',
  'subject',
  'date',
  'size',
  'category',
  'contact',
  'company',
  'task',
  'linked',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const SHORTCUT_PRESETS = ['outlook', 'gmail', 'thunderbird'] as const;
export type ShortcutPreset = (typeof SHORTCUT_PRESETS)[number];

/** Outlook's default list: one "From / To" column rather than two. */
export const DEFAULT_COLUMNS: readonly ColumnId[] = ['direction', 'forum', 'read', 'star', 'attachment', 'correspondent', 'subject', 'date', 'size'];

interface Prefs {
  columns: ColumnId[];
  sort: MessageSort;
  shortcuts: ShortcutPreset;
}

interface ListPrefsState extends Prefs {
  toggleColumn(id: ColumnId): void;
  /** A click on a column title: that column, or the other direction when it already sorts the list. */
  sortBy(by: MessageSort['by']): void;
  setShortcuts(preset: ShortcutPreset): void;
}

const KEY = 'facteur.list-prefs';
const DEFAULTS: Prefs = { columns: [...DEFAULT_COLUMNS], sort: { by: 'date', dir: 'desc' }, shortcuts: 'outlook' };

/** The person's own layout, kept on this computer; anything unreadable (an older version's) falls back to defaults. */
function load(): Prefs {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>;
    const columns = Array.isArray(saved.columns) ? saved.columns.filter((c): c is ColumnId => COLUMN_IDS.includes(c)) : [];
    return {
      columns: columns.length > 0 ? columns : DEFAULTS.columns,
      sort: saved.sort && typeof saved.sort.by === 'string' ? saved.sort : DEFAULTS.sort,
      shortcuts: SHORTCUT_PRESETS.includes(saved.shortcuts!) ? saved.shortcuts! : DEFAULTS.shortcuts,
    };
  } catch {
    return DEFAULTS;
  }
}

function save(prefs: Prefs): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: the choice still holds for this session.
  }
}

/** Dates and sizes read best biggest first; names and subjects A to Z. */
const FIRST_DIRECTION: Record<MessageSort['by'], MessageSort['dir']> = {
  date: 'desc', size: 'desc', flagged: 'desc', attachment: 'desc', seen: 'asc', direction: 'asc',
  subject: 'asc', correspondent: 'asc', from: 'asc', to: 'asc', category: 'asc',
  contact: 'asc', company: 'asc', task: 'asc', linked: 'desc',
};

export const useListPrefs = create<ListPrefsState>((set, get) => {
  const update = (change: Partial<Prefs>) => {
    set(change);
    const { columns, sort, shortcuts } = get();
    save({ columns, sort, shortcuts });
  };
  return {
    ...load(),
    toggleColumn(id) {
      const { columns } = get();
      if (columns.includes(id)) {
        // The subject stays: a list with no readable column helps no one.
        if (id !== 'subject') update({ columns: columns.filter((c) => c !== id) });
      } else {
        update({ columns: COLUMN_IDS.filter((c) => c === id || columns.includes(c)) });
      }
    },
    sortBy(by) {
      const { sort } = get();
      update({ sort: sort.by === by ? { by, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: FIRST_DIRECTION[by] } });
    },
    setShortcuts(shortcuts) {
      update({ shortcuts });
    },
  };
});
