// The token of a link that carries one in its fragment (`#token=…`: mail links for recovery and
// verification, advisor invites). The fragment never reaches a server; the screen reads the
// token once and removes it from the address bar and the history before it is painted.
import { useLayoutEffect, useState } from 'preact/hooks';

/** A recovery or verification token: 32 random bytes, base64url. */
export const MAIL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The token of the current URL's fragment when it matches `pattern`, or null. Removes the
 * fragment from the address bar so the token does not stay in the history or get copied with the
 * address — before the screen is painted (a layout effect), so the address bar never shows the
 * token next to the form. */
export function useLinkToken(pattern: RegExp = MAIL_TOKEN_PATTERN): string | null {
  const [token] = useState(() => {
    const value = new URLSearchParams(location.hash.slice(1)).get('token');
    return value && pattern.test(value) ? value : null;
  });
  useLayoutEffect(() => {
    if (location.hash) history.replaceState(history.state, '', location.pathname);
  }, []);
  return token;
}
