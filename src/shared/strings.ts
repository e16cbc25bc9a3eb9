// Which strings may be ids and addresses (docs/security.md, "Fair use of sync"): no control
// characters (C0, DEL, C1 — NUL among them, which PostgreSQL refuses in text) and well-formed
// UTF-16 (a lone surrogate would be turned into U+FFFD by a database driver, so two different
// strings would become one). Checked by the shared zod schemas, so the server answers 400, never
// 500, on SQLite and PostgreSQL alike, and the app refuses the same strings before sending them.
import { z } from 'zod/mini';

// C0 controls, DEL and C1 controls: finding them is this rule's purpose.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether `text` is well-formed UTF-16: every surrogate is half of a pair. (A loop rather than
 * `String.prototype.isWellFormed`, which Safari before 16.4 lacks.) */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit > 0xdbff) return false; // a trailing half with no leading one
    const next = text.charCodeAt(i + 1);
    if (!(next >= 0xdc00 && next <= 0xdfff)) return false; // a leading half alone
    i += 1;
  }
  return true;
}

/** Whether `text` may be an id or an address: no control character, well-formed UTF-16. */
export const isSafeText = (text: string): boolean => !CONTROL.test(text) && isWellFormedText(text);

/** The zod check every id and email carries (its message is the 400's reason). */
export const safeText = () =>
  z.refine<string>(isSafeText, {
    message: 'must not contain control characters or unpaired UTF-16 surrogates',
  });

/** An id of `min`–`max` UTF-16 units that passes `isSafeText`. */
export const safeId = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max), safeText());
