import { DOCUMENT_MAX_BYTES, type DocumentFile, type RecordRef } from '../../../src-shared/contract/index.js';
import { engine } from '../../api/engine.js';
import { reportError } from '../../stores/error-store.js';
import { base64Bytes, downloadBytes } from '../reader/downloads.js';

/** A file's bytes as base64, read by the browser itself (a data: URL) rather than one character at a time. */
function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export interface AddOutcome {
  added: DocumentFile[];
  /** Names of files over DOCUMENT_MAX_BYTES, left out. */
  tooBig: string[];
}

/** Files chosen or dropped, added one by one (each is one contract frame); a failure is reported and the rest go on. */
export async function addFiles(record: RecordRef, folder: string, files: readonly File[]): Promise<AddOutcome> {
  const outcome: AddOutcome = { added: [], tooBig: [] };
  for (const file of files) {
    if (file.size > DOCUMENT_MAX_BYTES) {
      outcome.tooBig.push(file.name);
      continue;
    }
    try {
      const data = await fileBase64(file);
      outcome.added.push(await engine().client.api.documents.add({ record, folder, name: file.name, contentType: file.type, data }));
    } catch (error) {
      reportError(error);
    }
  }
  return outcome;
}

export async function downloadDocument(id: number): Promise<void> {
  try {
    const file = await engine().client.api.documents.content({ id });
    downloadBytes(base64Bytes(file.data), file.name);
  } catch (error) {
    reportError(error);
  }
}

export async function openDocument(id: number): Promise<void> {
  try {
    await engine().client.api.documents.open({ id });
  } catch (error) {
    reportError(error);
  }
}

/** Runs a contract call, reporting a refusal in the window's error bar; null when it failed. */
export async function attempt<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    reportError(error);
    return null;
  }
}
