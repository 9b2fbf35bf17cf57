import type { IntlShape } from 'react-intl';
import type { MessageDetail, MessageFlags } from '../../../src-shared/contract/index.js';
import { formatAddress } from '../../../src-shared/domain/address.js';
import { safeFileName } from '../../../src-shared/domain/attachment-files.js';
import { engine } from '../../api/engine.js';
import { formatLongDate } from '../../format/dates.js';
import type { Translate } from '../../i18n/use-t.js';
import { reportError } from '../../stores/error-store.js';
import { printDocument, type PrintHeader } from './print-document.js';
import { printInFrame } from './print-message.js';
import type { ReaderPlace } from './reader-place.js';
import { sanitizeBody } from './sanitize.js';

/** The message has left the place it was shown in: a message window closes, the reading pane empties. */
function removed(place: ReaderPlace): void {
  place.store.getState().close();
  if (place.window) window.close();
}

export async function deleteMessage(place: ReaderPlace, id: number, permanent: boolean): Promise<void> {
  try {
    await engine().client.api.messages.delete({ ids: [id], permanent });
    removed(place);
  } catch (error) {
    reportError(error);
  }
}

/** To the account's Junk (flagged $Junk), or back to its Inbox (flagged $NotJunk): messages.setJunk does both. */
export async function setJunk(place: ReaderPlace, id: number, junk: boolean): Promise<void> {
  try {
    const { moved } = await engine().client.api.messages.setJunk({ ids: [id], junk });
    if (moved > 0) removed(place);
  } catch (error) {
    reportError(error);
  }
}

export async function setFlags(id: number, flags: Partial<MessageFlags>): Promise<void> {
  try {
    await engine().client.api.messages.setFlags({ ids: [id], flags });
  } catch (error) {
    reportError(error);
  }
}

/** A clean printable copy: the header as the reader shows it, then the body as it shows now (remote content too). */
export function printMessage(detail: MessageDetail, allowRemote: boolean, plainText: boolean, t: Translate, intl: IntlShape): void {
  const people = (list: MessageDetail['to']) => list.map(formatAddress).join(', ');
  const fields: Array<readonly [string, string]> = [
    [t('reader.from'), detail.from ? formatAddress(detail.from) : t('messages.unknownSender')],
    [t('reader.to'), detail.to.length > 0 ? people(detail.to) : t('reader.nobody')],
  ];
  if (detail.cc.length > 0) fields.push([t('reader.cc'), people(detail.cc)]);
  fields.push([t('reader.date'), detail.date ? formatLongDate(intl, detail.date) : t('messages.noDate')]);
  const files = detail.attachments.filter((a) => !a.inline);
  if (files.length > 0) fields.push([t('reader.attachments', { count: files.length }), files.map((a) => safeFileName(a.filename)).join(', ')]);
  const header: PrintHeader = { subject: detail.subject || t('messages.noSubject'), fields };

  const html = detail.html !== null && !plainText ? sanitizeBody(detail.html, allowRemote).html : null;
  const text = detail.text ?? (detail.html !== null ? sanitizeBody(detail.html, false).text : '');
  printInFrame(printDocument(header, html !== null ? { sanitizedHtml: html } : { text }, allowRemote), t('reader.print.frame'));
}
