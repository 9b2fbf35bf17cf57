import { create } from 'zustand';
import {
  ContractError,
  type ContactsImportPreview,
  type ContactsImportReport,
  type ImportEncoding,
  type ImportField,
} from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';

export interface ChosenFile {
  name: string;
  /** The file's bytes as base64: the contract carries bytes, the engine decodes and parses them. */
  data: string;
}

interface ContactsImportState {
  open: boolean;
  file: ChosenFile | null;
  /** Null: the encoding the engine detects. */
  encoding: ImportEncoding | null;
  existing: 'merge' | 'skip';
  /** The person's changes to the automatic mapping, by column index. */
  mapping: Record<number, ImportField>;
  preview: ContactsImportPreview | null;
  report: ContactsImportReport | null;
  busy: 'reading' | 'importing' | null;
  /** Why the file could not be read or imported, in the engine's words; or a local reason (too large). */
  problem: { key: 'engine'; message: string } | { key: 'tooLarge'; name: string } | null;
  show(): void;
  close(): void;
  choose(file: ChosenFile): Promise<void>;
  setField(column: number, field: ImportField): Promise<void>;
  setEncoding(encoding: ImportEncoding): Promise<void>;
  setExisting(existing: 'merge' | 'skip'): Promise<void>;
  tooLarge(name: string): void;
  run(): Promise<void>;
}

const fresh = { file: null, encoding: null, existing: 'merge' as const, mapping: {}, preview: null, report: null, busy: null, problem: null };

/** How many rows the preview shows first (the others it lists are those that will not simply be created). */
export const PREVIEW_ROWS = 20;

export const useContactsImport = create<ContactsImportState>((set, get) => {
  /** The source as the contract takes it, from what the person chose so far. */
  const source = () => {
    const { file, encoding, existing, mapping } = get();
    return {
      filename: file!.name,
      data: file!.data,
      existing,
      mapping: Object.entries(mapping).map(([column, field]) => ({ column: Number(column), field })),
      ...(encoding ? { encoding } : {}),
    };
  };

  // Only the latest request's answer is shown: a slow preview must not overwrite the one for a newer mapping.
  let ticket = 0;
  const fail = (error: unknown) => {
    if (error instanceof ContractError && error.code !== 'UNAVAILABLE') set({ problem: { key: 'engine', message: error.message } });
    else reportError(error);
  };
  const refresh = async () => {
    const mine = ++ticket;
    set({ busy: 'reading', problem: null });
    try {
      const preview = await engine().client.api.contactsImport.preview({ ...source(), rows: PREVIEW_ROWS });
      if (mine === ticket) set({ preview, busy: null });
    } catch (error) {
      if (mine !== ticket) return;
      set({ busy: null, preview: null });
      fail(error);
    }
  };

  return {
    open: false,
    ...fresh,
    show: () => set({ open: true, ...fresh }),
    close: () => {
      ticket++;
      set({ open: false, ...fresh });
    },
    async choose(file) {
      set({ ...fresh, file });
      await refresh();
    },
    async setField(column, field) {
      set({ mapping: { ...get().mapping, [column]: field } });
      await refresh();
    },
    async setEncoding(encoding) {
      set({ encoding });
      await refresh();
    },
    async setExisting(existing) {
      set({ existing });
      await refresh();
    },
    tooLarge: (name) => set({ ...fresh, problem: { key: 'tooLarge', name } }),
    async run() {
      if (!get().file || get().busy) return;
      const mine = ++ticket;
      set({ busy: 'importing', problem: null });
      try {
        const report = await engine().client.api.contactsImport.run(source());
        if (mine === ticket) set({ report, busy: null });
      } catch (error) {
        if (mine !== ticket) return;
        set({ busy: null });
        fail(error);
      }
    },
  };
});
