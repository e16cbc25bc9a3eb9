// Reading a JSON request body for the sync API. (A private helper: the account routes may grow
// their own; the two should become one module in src/server.)
import type { Context } from 'hono';
import { apiError } from '../api-errors';

/** The parsed body, or the 400 `invalid_json` response to send instead. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Parses the request body as JSON. A body-limit error from reading is left to propagate. */
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
