/** The contract's limit on a file's size (see contacts-import.ts); checked here so a huge file is not even sent. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A file the person chose, as base64: the page cannot hand the engine a path (the browser version has none). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}
