import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/*
 * The HTML body as it leaves Facteur. The editor's HTML and a quoted original are untrusted in one sense: whatever
 * they hold is what recipients' mail clients will render, so it is cut down to formatting before sending (no
 * script, no event handler, no javascript: or data: link, no style sheet, no form), and a text part is derived
 * from it for clients that show text only.
 */

/** CSS values that load or run something are dropped; plain formatting values are kept. */
const SAFE_CSS_VALUE = /^(?!.*(?:url|expression|image-set|var)\s*\()(?!.*javascript:)[^<>{};]*$/i;
const STYLE_PROPERTIES = [
  'color', 'background-color', 'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant',
  'text-align', 'text-decoration', 'text-indent', 'text-transform', 'line-height', 'letter-spacing', 'white-space',
  'vertical-align', 'direction', 'list-style-type', 'width', 'height', 'max-width', 'min-width',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color', 'border-style', 'border-width',
  'border-collapse', 'border-spacing', 'display',
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'style'),
    'img', 'span', 'font', 'u', 's', 'strike', 'sub', 'sup', 'center', 'colgroup', 'col',
  ],
  allowedAttributes: {
    '*': ['style', 'dir', 'lang', 'align', 'title'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'face', 'size'],
    table: ['border', 'cellpadding', 'cellspacing', 'width', 'bgcolor'],
    td: ['colspan', 'rowspan', 'valign', 'width', 'bgcolor'],
    th: ['colspan', 'rowspan', 'valign', 'width', 'bgcolor', 'scope'],
    col: ['span', 'width'],
    ol: ['start', 'type'],
    blockquote: ['type', 'cite'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Pictures pasted in the editor arrive as data: URLs (sent as cid: parts), quoted ones may still say cid:.
  allowedSchemesByTag: { img: ['http', 'https', 'data', 'cid'] },
  allowProtocolRelative: false,
  allowedStyles: { '*': Object.fromEntries(STYLE_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])) },
  // Text inside script, style and the like is dropped with the tag, never shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'iframe', 'object'],
};

/** The body's HTML with everything but formatting, links and pictures removed. */
export function sanitizeOutgoingHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** A whole document around a sanitised fragment: a charset for the clients that read none from the part headers. */
export function htmlDocument(fragment: string): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>${fragment}</body></html>\n`;
}

/**
 * The text part: what a text-only client shows for the HTML. Links keep their address in brackets, quotes get
 * "> ", lists their bullets and numbers; pictures show their description, never their (data:) address.
 */
export function textOfHtml(html: string): string {
  return convert(html, {
    wordwrap: 76,
    selectors: [
      { selector: 'img', format: 'imageAlt' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['<', '>'] } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
    formatters: {
      imageAlt: (elem, _walk, builder) => {
        const alt = (elem as { attribs?: Record<string, string> }).attribs?.alt?.trim();
        if (alt) builder.addInline(`[${alt}]`);
      },
    },
  }).trim() + '\n';
}

/** Text as HTML, for quoting a text-only original in an HTML reply. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A text body as HTML paragraphs that keep its line breaks. */
export function textAsHtml(text: string): string {
  return `<div style="white-space: pre-wrap">${escapeHtml(text.replace(/\r\n/g, '\n'))}</div>`;
}
