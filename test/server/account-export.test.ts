// GET /api/v1/me/export after issue 12: streamed a page at a time (many chunks, not one string),
// each event with the time it was received, the learner's sync row, the non-secret rows of the
// sign-in tables — and never a token hash or a passkey's public key. Ids named after
// Object.prototype members come through as ordinary ids, without nulls.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountExport } from '../../src/server/auth/export';
import type { Database } from '../../src/server/db/database';
import type { LearnerEvent } from '../../src/shared/events';
import { uuidv7 } from '../../src/shared/uuid';
import { makeEvent, push, pushBody } from '../utils/learners';
import { openTestDatabase } from '../utils/test-database';
import { accountTestApp, call, insertLearnerData, register, T0 } from './account-support';

let database: Database;
let app: Hono;
let clock: { now: number };

beforeAll(async () => {
  database = await openTestDatabase();
  ({ app, clock } = accountTestApp(database));
});
afterAll(() => database.close());

let seq = 0;
const email = (name: string) => `${name}-${++seq}-${Date.now()}@firma.no`;

/** The export's body as the chunks it arrived in. */
async function exportChunks(token: string): Promise<{ response: Response; chunks: string[] }> {
  const response = await call(app, 'GET', '/api/v1/me/export', { token });
  expect(response.status).toBe(200);
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(decoder.decode(value, { stream: true }));
  }
  return { response, chunks };
}

describe('the export', () => {
  it('is streamed in pieces and holds every event with its received time, in order', async () => {
    const { user, token } = await register(app, email('strom'));
    const lessons = ['a', 'b', 'c', 'd', 'e', 'f'];
    const inserted = [];
    for (const [i, lessonId] of lessons.entries()) {
      inserted.push(
        await insertLearnerData(database.db, user.id, { count: 120, at: T0 + i * 1000, lessonId }),
      );
    }
    const { response, chunks } = await exportChunks(token);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="lommekurs-export.json"',
    );
    // 720 events and 6 rows: several pages, each its own piece.
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    const exported = JSON.parse(chunks.join('')) as AccountExport;
    expect(exported.events).toHaveLength(720);
    expect(exported.events.map((e) => (e.event as LearnerEvent).id)).toEqual(
      inserted.flatMap((data) => data.eventIds),
    );
    expect(exported.events.map((e) => e.receivedAt)).toEqual(
      lessons.flatMap((_, i) => Array<number>(120).fill(T0 + i * 1000)),
    );
    expect(new Set(exported.events.map((e) => e.version))).toEqual(new Set([1]));
    expect(exported.progress.map((p) => p.lessonId)).toEqual(lessons);
  }, 30_000);

  it('holds the sync row and the non-secret sign-in rows, and no secret', async () => {
    const address = email('rader');
    const { user, token } = await register(app, address);
    await insertLearnerData(database.db, user.id, { lessonId: 'a' });
    await database.db
      .updateTable('users')
      .set({ email_verified_at: T0 + 77 })
      .where('id', '=', user.id)
      .execute();
    const { chunks } = await exportChunks(token);
    const text = chunks.join('');
    const exported = JSON.parse(text) as AccountExport;

    const sync = await database.db
      .selectFrom('learner_sync')
      .select(['version', 'epoch'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(exported.sync).toEqual({ version: sync.version, epoch: sync.epoch });
    expect(exported.emailVerifiedAt).toBe(T0 + 77);
    expect(exported.passkeys).toEqual([{ name: 'Telefonen', createdAt: T0, lastUsedAt: null }]);
    expect(exported.knownDevices).toContainEqual({ createdAt: T0, lastUsedAt: T0 });
    expect(exported.sessions).toHaveLength(1);
    const [session] = exported.sessions;
    expect(Object.keys(session!).sort()).toEqual(
      ['absoluteExpiresAt', 'createdAt', 'expiresAt', 'lastUsedAt', 'userAgent'].sort(),
    );

    const secrets = [
      token,
      ...(
        await database.db
          .selectFrom('sessions')
          .select('token_hash')
          .where('user_id', '=', user.id)
          .execute()
      ).map((r) => r.token_hash),
      ...(
        await database.db
          .selectFrom('passkeys')
          .select(['public_key', 'credential_id'])
          .where('user_id', '=', user.id)
          .execute()
      ).flatMap((r) => [r.public_key, r.credential_id]),
      ...(
        await database.db
          .selectFrom('known_devices')
          .select('token_hash')
          .where('user_id', '=', user.id)
          .execute()
      ).map((r) => r.token_hash),
      ...(
        await database.db
          .selectFrom('mail_tokens')
          .select('token_hash')
          .where('user_id', '=', user.id)
          .execute()
      ).map((r) => r.token_hash),
      (
        await database.db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow()
      ).password_hash,
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('holds the business-garden rows: memberships, consents, their log, gardens advised, roles', async () => {
    const { user, token } = await register(app, email('hage'));
    await insertLearnerData(database.db, user.id, { lessonId: 'a' });
    const { chunks } = await exportChunks(token);
    const { network } = JSON.parse(chunks.join('')) as AccountExport;
    const gardenId = network.memberships[0]?.gardenId;
    expect(network).toEqual({
      memberships: [
        {
          gardenId,
          gardenName: 'Testhagen',
          firmName: 'Firma AS',
          orgNumber: null,
          displayName: 'Kari',
          joinedAt: T0,
        },
      ],
      consents: [{ gardenId, textVersion: '2026-12-02', givenAt: T0, withdrawnAt: null }],
      consentLog: [{ gardenId, kind: 'given', textVersion: '2026-12-02', at: T0 }],
      advisorOf: [{ gardenId, gardenName: 'Testhagen', addedAt: T0 }],
      networkRoles: [{ role: 'network_admin', grantedAt: T0 }],
    });
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'keeps ids named %s as ordinary ids, without nulls',
    async (id) => {
      const { token } = await register(app, email('proto'));
      clock.now = T0 + 10_000;
      const clientId = id.padEnd(8, '_');
      const fields = { clientId, courseId: id, lessonId: id };
      const events = [
        makeEvent(
          'quiz.answered',
          { attemptId: uuidv7(T0), questionId: id, chosen: [id], correct: true, score: 1 },
          { ...fields, at: T0, seq: 1 },
        ),
        makeEvent(
          'checklist.toggled',
          { itemId: id, checked: true },
          { ...fields, at: T0 + 1, seq: 2 },
        ),
        makeEvent('time.spent', { seconds: 9 }, { ...fields, at: T0 + 2, seq: 3 }),
      ];
      for (const event of events) {
        const response = await push(app, token, pushBody(clientId, [event]));
        expect(response.status, await response.text()).toBe(200);
      }
      const { chunks } = await exportChunks(token);
      const text = chunks.join('');
      const exported = JSON.parse(text) as AccountExport;
      expect(exported.progress).toHaveLength(1);
      const [progress] = exported.progress;
      expect([progress!.courseId, progress!.lessonId]).toEqual([id, id]);
      expect(Object.entries(progress!.best)).toEqual([[id, 1]]);
      expect(Object.entries(progress!.time)).toEqual([[clientId, 9]]);
      expect(Object.keys(progress!.checklist)).toEqual([id]);
      const { attempts, best, checklist, time } = progress!;
      expect(JSON.stringify({ attempts, best, checklist, time })).not.toContain('null');
      expect(exported.events.map((e) => (e.event as LearnerEvent).id)).toEqual(
        events.map((e) => e.id),
      );
    },
  );

  it('answers 401 before streaming when the account is gone', async () => {
    const { user, token } = await register(app, email('borte'));
    await database.db.deleteFrom('users').where('id', '=', user.id).execute();
    const response = await call(app, 'GET', '/api/v1/me/export', { token });
    expect(response.status).toBe(401);
  });
});
