/**
 * The sandboxed frame's own policy: no scripts, no network (remote images and trackers stay unloaded), only the
 * data: images and fonts the engine inlined from the message's own parts. It must come first, since a policy in a
 * <meta> applies only to what is parsed after it.
 */
const FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

// A readable default for mails that style nothing; the message's own CSS follows and wins.
const BASE_STYLE = [
  'html{color-scheme:light;background:#fff}',
  'body{margin:16px 20px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;color:#1f2328;',
  'overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'pre{white-space:pre-wrap}',
  'blockquote{margin:0 0 0 .8em;padding-left:.8em;border-left:2px solid #d0d7de;color:#57606a}',
].join('');

export function messageSrcdoc(html: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><meta charset="utf-8"><style>${BASE_STYLE}</style>${html}`;
}
