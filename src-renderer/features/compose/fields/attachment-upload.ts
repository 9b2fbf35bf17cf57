import type { DraftAttachment } from '../../../../src-shared/contract/index.js';
import { engine } from '../../../api/engine.js';

/**
 * A file travels to the engine base64 in one contract frame (the web host takes frames up to 96 MB, which base64
 * fills with 72 MB of file); anything bigger than this is refused before it is read. Files between the message
 * limit and this one are taken, and the panel says the total is over the limit.
 */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

/** A file's bytes as base64, read by the browser itself (a data: URL), reporting how much is read. */
function readBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Reads the file and hands it to compose.upload; the answer names the stored bytes by hash. */
export async function uploadAttachment(file: File, onProgress: (phase: 'reading' | 'sending', fraction: number) => void): Promise<DraftAttachment> {
  const data = await readBase64(file, (f) => onProgress('reading', f));
  onProgress('sending', 1);
  return engine().client.api.compose.upload({ filename: file.name.slice(0, 255) || 'file', contentType: file.type.slice(0, 200), data });
}
