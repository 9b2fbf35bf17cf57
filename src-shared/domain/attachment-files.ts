/**
 * Attachment names come from the sender: they are made safe before one becomes a file on disk or a download, and
 * types that run code when "opened" are refused by every door that opens files (engine, Electron main, the UI).
 */

/**
 * Types that start a program or a script when opened: an attachment named invoice.pdf.exe must not run because a
 * message said so. The person can still save such a file and run it deliberately (Thunderbird and Outlook do the
 * same, with longer lists of their own platform's types).
 */
const PROGRAM_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows
  'exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'msi', 'msp', 'msc', 'cpl', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse',
  'wsf', 'wsh', 'hta', 'lnk', 'reg', 'inf', 'scf', 'url', 'jar', 'appref-ms', 'application', 'gadget', 'chm',
  'dll', 'sys', 'settingcontent-ms',
  // macOS
  'app', 'command', 'pkg', 'mpkg', 'terminal', 'tool', 'workflow', 'scpt', 'dmg',
  // Linux and other Unix
  'desktop', 'sh', 'bash', 'csh', 'ksh', 'zsh', 'run', 'appimage', 'deb', 'rpm', 'py', 'pl', 'rb',
]);

/** The extension after the last dot, lower-case, without the dot; '' when there is none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Whether opening a file of this name could run a program. Trailing dots and spaces are ignored, as Windows does. */
export function isProgramFile(name: string): boolean {
  return PROGRAM_EXTENSIONS.has(fileExtension(name.replace(/[. ]+$/, '')));
}

// Names Windows reserves for devices, with or without an extension ("con.txt" opens the console).
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME_BYTES = 200;

/**
 * A file name that is only a name: no folder parts ("../../.bashrc", "C:\\x"), no control characters, none of the
 * characters Windows forbids, no leading dots (hidden files, "..") nor trailing dots and spaces, not a device name,
 * at most 200 UTF-8 bytes with its extension kept. `fallback` is used when nothing is left.
 */
export function safeFileName(raw: string, fallback = 'attachment'): string {
  // Everything up to the last separator is a path the sender chose, not part of the name.
  let name = raw.split(/[/\\]/).pop() ?? '';
  name = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .trim();
  if (name === '' || WINDOWS_DEVICES.test(name)) name = name === '' ? fallback : `_${name}`;
  return truncateName(name, MAX_NAME_BYTES);
}

/** UTF-8 length, counted here: src-shared runs where neither TextEncoder's DOM nor Node's Buffer is assumed. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function truncateName(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const extension = fileExtension(name);
  const tail = extension && extension.length <= 16 ? `.${extension}` : '';
  let stem = tail ? name.slice(0, -tail.length) : name;
  // Cut by code points, so a multi-byte character is never split.
  const chars = [...stem];
  while (chars.length > 0 && utf8Length(chars.join('') + tail) > maxBytes) chars.pop();
  stem = chars.join('');
  return `${stem}${tail}`;
}

/** "report.pdf", "report (2).pdf", "report (3).pdf"… the first that `taken` does not hold (case-insensitively). */
export function uniqueFileName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const extension = fileExtension(name);
  const stem = extension ? name.slice(0, -(extension.length + 1)) : name;
  for (let n = 2; ; n++) {
    const candidate = extension ? `${stem} (${n}).${extension}` : `${stem} (${n})`;
    if (!taken(candidate)) return candidate;
  }
}
