import type { IconName } from '../../components/Icon.js';
import type { MessageKey } from '../../i18n/catalogs.js';

export type AttachmentKind =
  | 'image' | 'pdf' | 'archive' | 'text' | 'audio' | 'video' | 'document'
  | 'spreadsheet' | 'presentation' | 'calendar' | 'message' | 'other';

// Senders often label everything application/octet-stream, so the file name's extension is the fallback.
const BY_EXTENSION: Record<string, AttachmentKind> = {
  pdf: 'pdf', zip: 'archive', rar: 'archive', '7z': 'archive', gz: 'archive', tar: 'archive',
  txt: 'text', csv: 'spreadsheet', xls: 'spreadsheet', xlsx: 'spreadsheet', ods: 'spreadsheet',
  doc: 'document', docx: 'document', odt: 'document', rtf: 'document',
  ppt: 'presentation', pptx: 'presentation', odp: 'presentation',
  ics: 'calendar', eml: 'message', msg: 'message',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', svg: 'image', heic: 'image',
  mp3: 'audio', wav: 'audio', ogg: 'audio', m4a: 'audio', mp4: 'video', mov: 'video', webm: 'video',
};

export function attachmentKind(contentType: string, filename: string): AttachmentKind {
  const type = contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/calendar') return 'calendar';
  if (type === 'message/rfc822') return 'message';
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[extension] ?? (type.startsWith('text/') ? 'text' : 'other');
}

export const ATTACHMENT_ICONS: Record<AttachmentKind, IconName> = {
  image: 'image', pdf: 'document', archive: 'archive', text: 'document', audio: 'audio', video: 'video',
  document: 'document', spreadsheet: 'document', presentation: 'document', calendar: 'calendar',
  message: 'mail', other: 'file',
};

export const ATTACHMENT_LABELS: Record<AttachmentKind, MessageKey> = {
  image: 'attachment.kind.image',
  pdf: 'attachment.kind.pdf',
  archive: 'attachment.kind.archive',
  text: 'attachment.kind.text',
  audio: 'attachment.kind.audio',
  video: 'attachment.kind.video',
  document: 'attachment.kind.document',
  spreadsheet: 'attachment.kind.spreadsheet',
  presentation: 'attachment.kind.presentation',
  calendar: 'attachment.kind.calendar',
  message: 'attachment.kind.message',
  other: 'attachment.kind.other',
};
