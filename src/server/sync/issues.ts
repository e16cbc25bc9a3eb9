// zod/mini keeps its error messages out of the app bundle, so its issues say only "Invalid input".
// The server parses with the English messages instead and turns the first few issues into the
// developer-facing sentence of an error reply.
import type { z } from 'zod/mini';
import { en } from 'zod/locales';

/** Parse options that give issues English messages (pass to `safeParse`). */
export const withMessages = { error: en().localeError };

/** "path: message; path: message" for the first `max` issues of a failed parse. */
export function describeIssues(error: z.core.$ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}
