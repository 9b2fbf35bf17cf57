import { create } from 'zustand';

/** A question the window asks with a modal dialog; each resolves once, with null (or false) when cancelled. */
export type DialogRequest =
  | { kind: 'confirm'; title: string; body: string; confirmLabel: string; danger: boolean; resolve(ok: boolean): void }
  | { kind: 'pick-folder'; title: string; confirmLabel: string; exclude: number | null; resolve(folderId: number | null): void }
  | { kind: 'name'; title: string; label: string; initial: string; confirmLabel: string; resolve(name: string | null): void }
  /** Resolves with the chosen name, null for "no category", undefined when cancelled. */
  | { kind: 'pick-category'; title: string; direction: 'in' | 'out'; current: string | null; resolve(category: string | null | undefined): void };

type Ask<K extends DialogRequest['kind']> = Omit<Extract<DialogRequest, { kind: K }>, 'kind' | 'resolve'>;

export const useDialog = create<{ request: DialogRequest | null }>(() => ({ request: null }));

function ask<R>(make: (resolve: (value: R) => void) => DialogRequest, cancelled: R): Promise<R> {
  // A new question replaces one still open, which counts as cancelled.
  useDialog.getState().request?.resolve(cancelled as never);
  return new Promise<R>((resolve) => {
    useDialog.setState({
      request: make((value) => {
        useDialog.setState({ request: null });
        resolve(value);
      }),
    });
  });
}

export const confirmDialog = (q: Ask<'confirm'>) => ask<boolean>((resolve) => ({ kind: 'confirm', ...q, resolve }), false);
export const pickFolderDialog = (q: Ask<'pick-folder'>) => ask<number | null>((resolve) => ({ kind: 'pick-folder', ...q, resolve }), null);
export const nameDialog = (q: Ask<'name'>) => ask<string | null>((resolve) => ({ kind: 'name', ...q, resolve }), null);
export const pickCategoryDialog = (q: Ask<'pick-category'>) =>
  ask<string | null | undefined>((resolve) => ({ kind: 'pick-category', ...q, resolve }), undefined);
