import { appVersion } from '../app-files.js';
import type { DomainHandlers, ServiceDeps } from './handler.js';

export function appService(deps: ServiceDeps): DomainHandlers<'app'> {
  return {
    'app.info': () => ({
      name: 'Facteur',
      version: appVersion(),
      schemaVersion: deps.store.schemaVersion,
      dataDir: deps.layout.root,
      host: deps.host,
    }),
  };
}
