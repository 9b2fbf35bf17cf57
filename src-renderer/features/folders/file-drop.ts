import type { FolderNode } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import type { Translate } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { useImports } from '../../stores/imports-store.js';

const isEml = (file: File) => /\.eml$/i.test(file.name) || file.type === 'message/rfc822';

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Files dropped on a folder from the desktop. In the desktop app every file is imported in place, by its path
 * (a PST of gigabytes never travels through the page); in a browser only .eml files can be read from the page, and
 * for anything else the import window opens on that folder, asking for the file's path.
 */
export async function dropFiles(files: readonly File[], target: FolderNode, t: Translate): Promise<void> {
  const bridge = window.facteur;
  for (const file of files) {
    try {
      if (bridge && target.accountId === null) {
        await engine().client.api.imports.start({ path: bridge.pathForFile(file), targetFolderId: target.id });
      } else if (isEml(file)) {
        await engine().client.api.messages.ingest({ folder: target.id, raw: base64(await file.arrayBuffer()) });
      } else {
        const imports = useImports.getState();
        imports.openWizard(target.accountId === null ? target.id : null);
        useImports.setState({ problem: t('imports.drop.needPath', { name: file.name }) });
        return;
      }
    } catch (error) {
      reportError(error);
    }
  }
}
