import { fileExtension, isProgramFile } from '../../../src-shared/domain/attachment-files.js';
import { EngineError } from '../errors.js';
import type { Shell } from '../shell.js';
import { writeOpenedCopy } from './attachment-files.js';
import { looksLikeProgram } from './file-types.js';

/**
 * Opens a read-only copy of a stored file (an attachment, a record's document) with the system's default
 * application. Programs and scripts, by name or by their first bytes, are refused: they can be saved, never opened
 * from here. `name` must already be safe (safeFileName).
 */
export async function openWithSystemApp(shell: Shell, openedRoot: string, name: string, bytes: Buffer): Promise<string> {
  if (isProgramFile(name) || looksLikeProgram(bytes)) {
    const kind = fileExtension(name) ? `.${fileExtension(name)}` : 'a program';
    throw new EngineError('FORBIDDEN', `Facteur does not open programs or scripts (${kind}). Save the file and open it yourself if you trust its sender.`);
  }
  const path = writeOpenedCopy(openedRoot, name, bytes);
  await shell.openPath(path);
  return path;
}
