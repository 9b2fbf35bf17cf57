/** A document dragged within the panel carries its id under this type; files from the desktop carry "Files". */
export const DOCUMENT_DRAG_TYPE = 'application/x-facteur-document';

export function draggedDocument(data: DataTransfer): number | null {
  const raw = data.getData(DOCUMENT_DRAG_TYPE);
  const id = Number(raw);
  return raw !== '' && Number.isInteger(id) && id > 0 ? id : null;
}

export const carriesDocument = (data: DataTransfer) => data.types.includes(DOCUMENT_DRAG_TYPE);
export const carriesFiles = (data: DataTransfer) => data.types.includes('Files');
