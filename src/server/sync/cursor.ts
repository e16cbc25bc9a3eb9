// The pull cursor: the key of the last row a client has seen, (version, course, lesson), plus the
// learner's sync epoch. Opaque to the client (base64url JSON), so its shape can change without a
// protocol bump: a cursor this code cannot read simply restarts the pull from the beginning.
import { z } from 'zod/mini';
import { safeText } from '../../shared/strings';

/** Where a pull continues: after this row, in (version, courseId, lessonId) order. */
export interface PullCursor {
  /** learner_sync.epoch when the cursor was made; another epoch means a full resync. */
  epoch: string;
  version: number;
  courseId: string;
  lessonId: string;
}

// Far longer than any cursor we make; refuse the rest before decoding it.
const MAX_CURSOR_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const cursorSchema = z.strictObject({
  epoch: z.string().check(z.minLength(1), z.maxLength(200)),
  version: z.int().check(z.nonnegative()),
  // A key no stored row can have (control characters, broken UTF-16) makes the cursor unknown,
  // never a query PostgreSQL refuses (it rejects NUL in text).
  courseId: z.string().check(z.maxLength(200), safeText()),
  lessonId: z.string().check(z.maxLength(200), safeText()),
});

/** The cursor before every row of an epoch: every stored row has version ≥ 1 and a non-empty key. */
export const startCursor = (epoch: string): PullCursor => ({
  epoch,
  version: 0,
  courseId: '',
  lessonId: '',
});

/** The opaque string form of a cursor. */
export const encodeCursor = (cursor: PullCursor): string =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

/** The cursor a string stands for, or null when it is not one this server made. */
export function decodeCursor(text: string): PullCursor | null {
  if (text.length > MAX_CURSOR_LENGTH || !BASE64URL.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
