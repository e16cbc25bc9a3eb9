// Reading and validating a JSON request body for the API routes: malformed JSON is a 400
// `invalid_json`, a body of the wrong shape a 400 `invalid_request` whose message names the
// fields and reasons. The schemas are zod/mini (shared with the app), whose own messages say only
// "Invalid input" to keep the app bundle small; the server parses with zod's English messages.
import type { Context } from 'hono';
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { apiError } from './api-errors';

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

/** A body as read: the value, or the error response to send instead. */
export type JsonBody<T = unknown> = { ok: true; value: T } | { ok: false; response: Response };

/** Parses the request body as JSON (400 `invalid_json` if it is not). A body-limit error from
 * reading is left to propagate to the body-limit middleware. */
export async function readJsonBody(c: Context): Promise<JsonBody> {
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: apiError(c, 400, 'invalid_json', 'The request body is not valid JSON'),
    };
  }
}

/** Parses the body as JSON and validates it with `schema`; on a mismatch, a 400
 * `invalid_request` whose body also carries `details(input)` (e.g. per-field codes). */
export async function readJson<S extends z.core.$ZodType>(
  c: Context,
  schema: S,
  details: (input: unknown) => Record<string, unknown> = () => ({}),
): Promise<JsonBody<z.output<S>>> {
  const body = await readJsonBody(c);
  if (!body.ok) return body;
  const parsed = z.safeParse(schema, body.value, withMessages);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = describeIssues(parsed.error);
  return {
    ok: false,
    response: apiError(c, 400, 'invalid_request', message, {}, details(body.value)),
  };
}
