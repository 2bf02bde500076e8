/**
 * Host names as PolicyLens compares them. Kept apart from party.ts so code that only
 * needs this (the popup's blocking decisions) does not pull in the Public Suffix List.
 */

/** Lower case, no trailing dot, no IPv6 brackets. */
export function normaliseHost(host: string): string {
  let h = host;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      h = h.toLowerCase();
      break;
    }
  }
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}
