import type { FolderNode } from '../../../src-shared/contract/index.js';
import { FOLDER_KIND_KEYS } from '../../i18n/label-keys.js';
import { useT } from '../../i18n/use-t.js';

/** What a folder is called on screen: user folders by their name, the standard ones in the window's language. */
export function useFolderName(): (folder: Pick<FolderNode, 'kind' | 'name'>) => string {
  const t = useT();
  return (folder) => (folder.kind === 'user' ? folder.name : t(FOLDER_KIND_KEYS[folder.kind]));
}
