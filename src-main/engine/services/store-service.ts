import { isAbsolute, resolve } from 'node:path';
import { EngineError } from '../errors.js';
import { backupTo } from '../store/backup.js';
import { checkStore } from '../store/check.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

export function storeService(deps: ServiceDeps): DomainHandlers<'store'> {
  return {
    'store.check': () => checkStore(deps.store.sqlite, deps.blobs),
    'store.backup': async (input) => {
      const path = isAbsolute(input.path) ? input.path : resolve(input.path);
      if (path === deps.store.file) throw new EngineError('INVALID_INPUT', 'A backup cannot overwrite the live store; choose another file.');
      const bytes = await backupTo(deps.store.sqlite, path);
      return { path, bytes };
    },
  };
}
