/** What a drag carries inside the window: message ids from the list, or a folder id from the tree. */
export const MESSAGES_TYPE = 'application/x-facteur-messages';
export const FOLDER_TYPE = 'application/x-facteur-folder';

export function readMessageIds(data: DataTransfer): number[] | null {
  const raw = data.getData(MESSAGES_TYPE);
  if (!raw) return null;
  try {
    const ids = JSON.parse(raw) as unknown;
    return Array.isArray(ids) && ids.every((id) => Number.isInteger(id)) ? (ids as number[]) : null;
  } catch {
    return null;
  }
}
