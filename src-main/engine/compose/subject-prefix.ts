/*
 * "Re:" and "Fwd:" once: a subject already marked as a reply (or a forward) keeps its mark, in the forms other
 * clients write — "RE :" with French spacing, "Răs:" from Romanian clients, "AW:", "SV:", counters like "Re[2]:" —
 * so a long exchange never reads "Re: Re: RE: …".
 */
const REPLY = /^\s*(?:re|răs|ras|aw|sv|antw)\s*(?:\[\d+\]|\(\d+\))?\s*:/iu;
const FORWARD = /^\s*(?:fwd?|tr|wg|rv)\s*(?:\[\d+\]|\(\d+\))?\s*:/iu;

export function replySubject(subject: string): string {
  const s = subject.trim();
  return REPLY.test(s) ? s : `Re: ${s}`.trimEnd();
}

export function forwardSubject(subject: string): string {
  const s = subject.trim();
  return FORWARD.test(s) ? s : `Fwd: ${s}`.trimEnd();
}
