/**
 * The sandboxed frame's own policy: no scripts, no connections, no frames, no form posts, no <base>; images and
 * fonts only from data: URLs (the engine inlines the message's own cid: parts as data:). When the agent allows
 * remote content, images, style sheets and fonts may also come from the web — nothing else ever may. It must come
 * first, since a policy in a <meta> applies only to what is parsed after it.
 */
export function frameCsp(allowRemote: boolean): string {
  const remote = allowRemote ? ' https: http:' : '';
  return [
    "default-src 'none'",
    `img-src data:${remote}`,
    `style-src 'unsafe-inline'${remote}`,
    `font-src data:${remote}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

// A readable default for mails that style nothing; the message's own CSS follows and wins. The frame is sized to
// its content, so it never scrolls vertically itself; a table wider than the pane scrolls sideways in the frame.
const BASE_STYLE = [
  'html{color-scheme:light;background:#fff;overflow-y:hidden}',
  'body{margin:16px 20px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;color:#1f2328;',
  'overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'pre{white-space:pre-wrap}',
  'blockquote{margin:0 0 0 .8em;padding-left:.8em;border-left:2px solid #d0d7de;color:#57606a}',
].join('');

/** `sanitizedHtml` is sanitizeBody()'s output for the same `allowRemote`. */
export function messageSrcdoc(sanitizedHtml: string, allowRemote: boolean): string {
  return (
    `<meta http-equiv="Content-Security-Policy" content="${frameCsp(allowRemote)}">` +
    '<meta name="referrer" content="no-referrer"><meta charset="utf-8">' +
    `<style>${BASE_STYLE}</style>${sanitizedHtml}`
  );
}
