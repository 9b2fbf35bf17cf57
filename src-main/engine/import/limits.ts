/**
 * The largest message a reader holds in memory. Exchange Online accepts up to 150 MB; anything bigger in a source
 * file is a damaged split (a missing separator) or not mail, and is reported instead of read.
 */
export const MAX_MESSAGE_BYTES = 150 * 1024 * 1024;

/** A size for a person: "900 bytes", "4.9 KB", "151.2 MB". */
export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [bytes / 1024, 'KB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
