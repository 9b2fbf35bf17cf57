/**
 * The app page's Content-Security-Policy, one definition for every host (Electron checklist #7): the app's own
 * scripts only, no network but what the host names (the web host's WebSocket), 'unsafe-inline' styles for React
 * style props, and frames only for the sandboxed message views (srcdoc / data:).
 */
export function pageContentSecurityPolicy(connectSrc: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // A message frame (srcdoc) inherits this policy on top of its own: remote images, style sheets and fonts the
    // agent chose to load must pass here too. The frame's own CSP keeps them blocked until then (srcdoc.ts).
    "style-src 'self' 'unsafe-inline' https: http:",
    "img-src 'self' data: blob: https: http:",
    "font-src 'self' data: https: http:",
    "frame-src 'self' about: data:",
    ["connect-src 'self'", ...connectSrc].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
