import { missingCase } from '../../src-shared/domain/exhaustive.js';
import type { Engine } from '../api/engine.js';
import { useAgent } from './agent-store.js';
import { useCategories } from './categories-store.js';
import { useImports } from './imports-store.js';
import { useConnection } from './connection-store.js';
import { useTemplates } from '../features/templates/templates-store.js';
import { notifyCrmChanged } from './crm-changes.js';
import { useFolders } from './folders-store.js';
import { useMessageList } from './message-list-store.js';
import { useReader } from './reader-store.js';
import { useSyncStatus } from './sync-status-store.js';

/** Everything on screen, fetched again: at start and after a reconnect, when events may have been missed. */
export function refreshAll(): void {
  void useAgent.getState().refresh();
  void useFolders.getState().refresh();
  void useMessageList.getState().refresh();
  void useReader.getState().refresh();
  void useCategories.getState().refresh();
}

/** Events carry ids, not rows: each store refetches what it shows when its table changed. */
export function startLiveUpdates({ client, transport }: Engine): () => void {
  useConnection.setState({ state: transport.state() });
  const offState = transport.onState((state) => {
    const before = useConnection.getState().state;
    useConnection.setState({ state });
    if (state === 'open' && before === 'reconnecting') refreshAll();
  });
  const offChanged = client.on('store.changed', ({ table, ids }) => {
    switch (table) {
      case 'messages':
        void useMessageList.getState().refresh();
        if (ids.includes(useReader.getState().openId ?? 0)) void useReader.getState().refresh();
        void useFolders.getState().refresh();
        break;
      case 'folders':
      case 'accounts':
        void useFolders.getState().refresh();
        break;
      case 'agents':
        if (ids.includes(useAgent.getState().agent?.id ?? 0)) void useAgent.getState().refresh();
        break;
      case 'imports':
        break;
      case 'categories':
        void useCategories.getState().refresh();
        break;
      case 'contacts':
      case 'companies':
      case 'leads':
      case 'deals':
      case 'tickets':
      case 'tasks':
      case 'events':
      case 'notes':
      case 'documents':
        notifyCrmChanged(table, ids);
        break;
      case 'templates':
        void useTemplates.getState().refresh();
        break;
      case 'outbox':
        break;
      default:
        missingCase(table);
    }
  });
  // Progress lives in the engine's rows; the event is what the account's status line shows until the next one.
  const offProgress = client.on('sync.progress', (progress) => useSyncStatus.getState().record(progress));
  const offImport = client.on('import.progress', (progress) => useImports.getState().onProgress(progress));
  return () => {
    offState();
    offChanged();
    offProgress();
    offImport();
  };
}
