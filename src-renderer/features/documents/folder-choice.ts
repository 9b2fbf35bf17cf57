import { FOLDER_MAX_DEPTH, FOLDER_NAME_MAX, folderPathIssue, normalizeFolderPath } from '../../../src-shared/domain/document-paths.js';
import type { Translate } from '../../i18n/use-t.js';

/** A folder picked from the record's tree, or a new path typed (created with its parents when used). */
export type FolderValue = { kind: 'existing'; path: string } | { kind: 'new'; path: string };

/** The path to send, or the reason it cannot be sent, in the person's language. */
export function resolveFolder(value: FolderValue, t: Translate): { path: string } | { problem: string } {
  if (value.kind === 'existing') return { path: value.path };
  const typed = value.path.trim();
  if (typed === '') return { problem: t('documents.path.required') };
  const issue = folderPathIssue(typed);
  if (issue) return { problem: t(`documents.path.${issue}`, { max: issue === 'too-deep' ? FOLDER_MAX_DEPTH : FOLDER_NAME_MAX }) };
  return { path: normalizeFolderPath(typed) };
}
