/**
 * What a link in a message really points at, and whether it looks like a trick, after Thunderbird's
 * PhishingDetector: link text that reads as an address on one site while the link goes to another, or a target
 * that hides its host (a bare IP address, a punycode look-alike). A simple host comparison stands in for the
 * public suffix list: "www.bank.fr" and "bank.fr" match, "login.bank.fr" and "bank.fr" do not, which errs on the
 * side of asking.
 */

export type LinkWarning = 'mismatch' | 'ipAddress' | 'punycode';

export interface LinkInfo {
  /** The absolute href as the URL parser normalised it. */
  target: string;
  /** The link's text when it reads as an address. */
  shown: string | null;
  /** Only http(s) and mailto links open; anything else is shown but goes nowhere. */
  openable: boolean;
  warning: LinkWarning | null;
}

const stripWww = (host: string) => host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');

// Something like "https://x.y/…", "www.x.y" or "x.y/…": a dot-separated name ending in letters, spaces not allowed.
const LOOKS_LIKE_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

function hostOfText(text: string): string | null {
  const trimmed = text.trim();
  if (!LOOKS_LIKE_ADDRESS.test(trimmed)) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return null;
  }
}

function isIpLiteral(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}

export function inspectLink(href: string, text: string): LinkInfo | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const openable = url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:';
  const shownHost = hostOfText(text);
  const shown = shownHost === null ? null : text.trim();
  let warning: LinkWarning | null = null;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // The URL parser already turned IDN hosts into punycode and shortened IPv4 forms such as 0x7f.1.
    if (shownHost !== null && stripWww(shownHost) !== stripWww(url.hostname)) warning = 'mismatch';
    else if (isIpLiteral(url.hostname)) warning = 'ipAddress';
    else if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) warning = 'punycode';
  }
  return { target: url.href, shown, openable, warning };
}

/** Outside the app: the Electron shell turns this into shell.openExternal, a browser opens a tab. */
export function openOutside(link: LinkInfo): void {
  if (link.openable) window.open(link.target, '_blank', 'noopener,noreferrer');
}
