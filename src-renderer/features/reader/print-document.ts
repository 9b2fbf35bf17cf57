import { frameCsp, messageSrcdoc } from './srcdoc.js';

export interface PrintHeader {
  subject: string;
  /** Label and value, in order: From, To, Cc, Date; the attachments' names last. */
  fields: ReadonlyArray<readonly [label: string, value: string]>;
}

// Ours, namespaced so a message's own CSS is unlikely to reach it; the page's chrome is not in this document at all.
const PRINT_STYLE = [
  '@page{margin:16mm 14mm}',
  'html{overflow:visible!important;background:#fff!important}',
  'body{margin:0!important}',
  '.facteur-print-header{margin:0 0 14px;padding:0 0 10px;border-bottom:1px solid #888;color:#000;',
  'font:12px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;break-inside:avoid}',
  '.facteur-print-subject{margin:0 0 8px;font-size:17px;font-weight:600;overflow-wrap:anywhere}',
  '.facteur-print-fields{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}',
  '.facteur-print-fields dt{color:#444}',
  '.facteur-print-fields dd{margin:0;overflow-wrap:anywhere}',
  '.facteur-print-text{margin:0;font:12px/1.5 system-ui,sans-serif;white-space:pre-wrap;overflow-wrap:anywhere}',
].join('');

/**
 * A document for printing one message: its header (subject, people, date, attachments) and its body, nothing of
 * the app around it. `sanitizedHtml` is sanitizeBody()'s output for `allowRemote`; the same policy as on screen
 * applies, and the header is built with DOM text, so nothing from the message is read as markup there.
 */
export function printDocument(header: PrintHeader, body: { sanitizedHtml: string } | { text: string }, allowRemote: boolean): string {
  const source =
    'sanitizedHtml' in body
      ? messageSrcdoc(body.sanitizedHtml, allowRemote)
      : `<meta http-equiv="Content-Security-Policy" content="${frameCsp(false)}"><meta charset="utf-8">`;
  const doc = new DOMParser().parseFromString(source, 'text/html');
  const style = doc.createElement('style');
  style.textContent = PRINT_STYLE;
  doc.head.append(style);

  const top = doc.createElement('header');
  top.className = 'facteur-print-header';
  const subject = doc.createElement('h1');
  subject.className = 'facteur-print-subject';
  subject.textContent = header.subject;
  const fields = doc.createElement('dl');
  fields.className = 'facteur-print-fields';
  for (const [label, value] of header.fields) {
    const dt = doc.createElement('dt');
    dt.textContent = label;
    const dd = doc.createElement('dd');
    dd.textContent = value;
    fields.append(dt, dd);
  }
  top.append(subject, fields);
  doc.body.prepend(top);

  if ('text' in body) {
    const pre = doc.createElement('pre');
    pre.className = 'facteur-print-text';
    pre.textContent = body.text;
    doc.body.append(pre);
  }
  // The policy <meta> stays the first thing in <head>, so it covers everything parsed after it.
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
