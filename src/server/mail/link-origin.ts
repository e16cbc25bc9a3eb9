// The origin that links in account mails point to. A link carries a single-use token, so it must
// never point anywhere the server does not know to be itself: PUBLIC_URL, or — on one machine
// without it — the request's own origin only when that is a loopback address. Any other Host
// header is the client's to forge, and a forged one would mail a learner a genuine message whose
// link hands the token to the forger's site (reset-link poisoning).
import { isIP } from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a URL's hostname is this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname) || hostname.endsWith('.localhost')) return true;
  return isIP(hostname) === 4 && hostname.startsWith('127.');
}

/** PUBLIC_URL when set; else the request's origin if it is a loopback one; else null (send no
 * link). */
export function mailLinkOrigin(publicUrl: string | null, requestUrl: string): string | null {
  if (publicUrl) return publicUrl;
  const url = new URL(requestUrl);
  return isLoopbackHost(url.hostname) ? url.origin : null;
}
