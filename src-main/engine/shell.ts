/**
 * What the engine needs from the operating system, asked through the host that runs it: Electron answers with
 * safeStorage, Notification and shell.openPath; the Node hosts with a 0600 key file, stdout and nothing.
 */
export interface Shell {
  readonly secrets: SecretBox;
  notify(title: string, body: string): void;
  openPath(path: string): Promise<void>;
  /** Opens a web page in the user's browser (OAuth sign-in); http(s) only. */
  openExternal(url: string): Promise<void>;
  /**
   * Asks the person where to save, with the system's own dialog: a file (offering `suggestedName`) or a folder.
   * Null when they cancel. Absent on hosts without dialogs: the browser window downloads instead.
   */
  chooseSaveLocation?(question: SaveQuestion): Promise<string | null>;
  /** The system's open dialog: a file or a folder to import; null when the person cancels. */
  chooseImportSource?(kind: 'file' | 'folder'): Promise<string | null>;
}

export type SaveQuestion = { kind: 'file'; suggestedName: string } | { kind: 'folder' };

/** Encrypts secrets (passwords, OAuth tokens) for storage; the clear text never reaches the database or a log. */
export interface SecretBox {
  /** A short name for the protection in use, for the diagnostics page (e.g. "safeStorage:gnome_libsecret"). */
  readonly kind: string;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}
