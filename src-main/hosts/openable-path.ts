import { existsSync, statSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
import { isProgramFile } from '../../src-shared/domain/attachment-files.js';

/**
 * What every host checks before handing a path to the system to open: only the engine asks, only for files it
 * wrote, but the host still insists on an absolute path to an existing file that is not a program or a script.
 * Returns the normalised path, or a sentence saying why not.
 */
export function openablePath(raw: string): { path: string } | { refusal: string } {
  if (!isAbsolute(raw) || raw.includes('\0')) return { refusal: `Facteur will not open "${raw}": not an absolute path.` };
  const path = normalize(raw);
  if (!existsSync(path)) return { refusal: `${path} no longer exists.` };
  if (!statSync(path).isFile()) return { refusal: `Facteur opens files only, and ${path} is not one.` };
  if (isProgramFile(path)) {
    return { refusal: 'Facteur does not open programs or scripts. Save the file and open it yourself if you trust its sender.' };
  }
  return { path };
}
