/**
 * An Outlook item as the MIME builder needs it, read either from a .msg file (msgreader) or from a PST
 * (pst-extractor): both expose the same MAPI properties, so one builder serves both.
 */

export interface MapiAddress {
  name: string;
  /** An SMTP address, or '' when the item only knows an Exchange (X.500) address. */
  address: string;
}

export interface MapiRecipient extends MapiAddress {
  kind: 'to' | 'cc' | 'bcc';
}

export interface MapiFileAttachment {
  kind: 'file';
  filename: string;
  /** PR_ATTACH_MIME_TAG, or '' when the item did not say. */
  mimeType: string;
  /** PR_ATTACH_CONTENT_ID without angle brackets, or ''. */
  contentId: string;
  data: Buffer;
}

export interface MapiEmbeddedAttachment {
  kind: 'message';
  /** The attachment's display name (usually the inner subject). */
  filename: string;
  message: MapiMessage;
}

export type MapiAttachment = MapiFileAttachment | MapiEmbeddedAttachment;

export interface MapiMessage {
  messageClass: string;
  /** PR_TRANSPORT_MESSAGE_HEADERS as received, or '' (drafts, sent items, items made in Outlook). */
  transportHeaders: string;
  subject: string;
  from: MapiAddress | null;
  recipients: MapiRecipient[];
  /** Submit time, else delivery time, else the item's own modification/creation time; null when it has none. */
  date: Date | null;
  messageId: string;
  inReplyTo: string;
  references: string;
  /** PR_BODY, or null. */
  text: string | null;
  /** PR_HTML / PR_BODY_HTML, or null. */
  html: string | null;
  /** PR_RTF_COMPRESSED as stored (still compressed), or null. */
  compressedRtf: Uint8Array | null;
  attachments: MapiAttachment[];
}
