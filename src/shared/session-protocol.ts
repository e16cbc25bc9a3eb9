// Wire schemas of the signed-in devices and the password change: GET /api/v1/me/sessions,
// DELETE /api/v1/me/sessions/:id, POST /api/v1/me/sessions/end-others, POST /api/v1/me/password.
// The server validates with them, the app parses the replies with them.
import { z } from 'zod/mini';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './sync-protocol';

/** A session's public id: a short hash of its token hash, never the token hash itself. */
export const sessionIdSchema = z.string().check(z.regex(/^[0-9a-f]{32}$/));

/** One signed-in device as the learner sees it. */
export const sessionInfoSchema = z.object({
  id: sessionIdSchema,
  /** The browser parsed from the User-Agent ("Firefox"), or null when it could not be told. */
  browser: z.nullable(z.string()),
  /** The platform ("Android", "Windows"), or null when it could not be told. */
  platform: z.nullable(z.string()),
  /** When it signed in (ms since the epoch). */
  createdAt: z.number(),
  /** When it was last used, to the hour (ms since the epoch). */
  lastUsedAt: z.number(),
  /** Whether this is the session that asked. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** GET /api/v1/me/sessions: live sessions, the asking one first, then the most recently used. */
export const sessionListSchema = z.object({ sessions: z.array(sessionInfoSchema) });
export type SessionList = z.infer<typeof sessionListSchema>;

/** POST /api/v1/me/sessions/end-others and POST /api/v1/me/password: how many sessions ended. */
export const endedSessionsSchema = z.object({ ended: z.number() });
export type EndedSessions = z.infer<typeof endedSessionsSchema>;

/** POST /api/v1/me/password body. The new password is checked further on the server (common
 * and breached passwords, the address itself); the current one only for presence. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH)),
  newPassword: z.string().check(z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;
