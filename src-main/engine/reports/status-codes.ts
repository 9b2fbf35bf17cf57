import type { BounceKind } from './report-types.js';

/** RFC 3463 §2: class "." subject "." detail, detail up to three digits (Exchange's 5.1.10 among them). */
const ENHANCED = /(?:^|[\s#'"(;:[])([245])\.(\d{1,3})\.(\d{1,3})(?=$|[\s,;:)'"\]]|\.(?!\d))/;
/** A basic SMTP reply code opening a diagnostic ("smtp; 550 …", "X-LOCAL; 500 (…)"). */
const BASIC = /^(?:[a-z-]+\s*;)?\s*([245])\d\d(?:[\s-]|$)/i;

/** The enhanced status code a line of text carries, if any. */
export function enhancedStatusIn(text: string): string | null {
  const m = ENHANCED.exec(text);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : null;
}

/**
 * A recipient's status: the Status field, else the code in its Diagnostic-Code, else what its Action implies.
 * RFC 3464 requires Status, but old and odd MTAs (the 1996 sprynet sample in the fixtures) leave it out.
 */
export function recipientStatus(status: string | undefined, diagnostic: string | undefined, action: string | null): string | null {
  const stated = status ? enhancedStatusIn(` ${status.trim()}`) : null;
  if (stated) return stated;
  if (diagnostic) {
    const enhanced = enhancedStatusIn(diagnostic);
    if (enhanced) return enhanced;
    const basic = BASIC.exec(diagnostic.trim());
    if (basic) return `${basic[1]}.0.0`;
  }
  if (action === 'failed') return '5.0.0';
  if (action === 'delayed') return '4.0.0';
  return null;
}

/**
 * RFC 3464 §2.3.3 and RFC 3463 §3: 5.x.x is permanent (hard); 4.x.x with a failed or delayed action is
 * transient (soft); a delivered, relayed or expanded recipient, or 2.x.x, changes nothing.
 */
export function bounceOf(status: string, action: string | null): BounceKind | null {
  if (action === 'delivered' || action === 'relayed' || action === 'expanded') return null;
  if (status.startsWith('5.')) return 'hard';
  if (status.startsWith('4.') && (action === null || action === 'failed' || action === 'delayed')) return 'soft';
  return null;
}
