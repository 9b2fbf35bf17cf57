import type { ServerResponse } from 'node:http';

/**
 * The page the browser shows after the redirect. Self-contained (no script, image, font or link), so the
 * redirect URL, which holds the authorization code, is never sent anywhere as a Referer; short English text,
 * because this page lives outside the app and its localisation.
 */
export function sendPage(res: ServerResponse, status: number, title: string, detail: string, extraHeaders: Record<string, string> = {}): void {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Facteur — ${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#222}h1{font-size:1.3rem}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></body></html>
`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    // One-shot listener: no keep-alive socket may outlive it.
    Connection: 'close',
    ...extraHeaders,
  });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
