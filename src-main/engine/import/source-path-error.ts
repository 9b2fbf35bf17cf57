import { EngineError } from '../errors.js';

/** A file system error on the path a person chose to import, as a message they can act on. */
export function sourcePathError(path: string, error: unknown): Error {
  if (error instanceof EngineError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new EngineError('NOT_FOUND', `${path} does not exist.`);
    case 'EACCES':
    case 'EPERM':
      return new EngineError('FORBIDDEN', `${path} cannot be read: permission denied.`);
    case 'EISDIR':
      return new EngineError('INVALID_INPUT', `${path} is a folder, not a file.`);
    case 'ENOTDIR':
      return new EngineError('INVALID_INPUT', `${path} is a file, not a folder.`);
    default:
      return new EngineError('INVALID_INPUT', `${path} cannot be read: ${(error as Error).message}`);
  }
}
