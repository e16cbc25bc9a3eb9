// What the sync end-to-end tests share: the account screen driven as a learner would, what the
// browser holds (the outbox and the refused events in IndexedDB, the origin's sync lock), and
// what the server stored (its SQLite file, read beside the running server).
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Page, Request } from 'playwright-core';
import { sqliteFileIn } from '../../src/server/db/database';
import { SYNC_LOCK_NAME } from '../../src/client-core/sync/lock';
import { heading1 } from './session';
import { pushBodyEventIds } from './sync-proxy';

/** A password the account rules accept. */
export const PASSWORD = 'fjellstue-kaffe-42';

/** Create an account on /konto through the form, and wait for the signed-in view. */
export async function signUp(page: Page, base: string, email: string): Promise<void> {
  await fillAccountForm(page, base, 'Opprett konto', email);
}

/** Sign in on /konto through the form, and wait for the signed-in view. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await fillAccountForm(page, base, 'Logg inn', email);
}

async function fillAccountForm(page: Page, base: string, form: string, email: string) {
  await page.goto(`${base}/konto`);
  await heading1(page, 'Konto').waitFor();
  const section = page.getByRole('region', { name: form, exact: true });
  await section.getByLabel('E-postadresse').fill(email);
  await section.getByLabel('Passord', { exact: true }).fill(PASSWORD);
  await section.getByRole('button', { name: form, exact: true }).click();
  await page.getByRole('heading', { name: `Logget inn som ${email}` }).waitFor();
}

/** Download a course from its page and wait until it is available offline (a course without
 * media is, as soon as its page has stored it). */
export async function downloadCourse(
  page: Page,
  base: string,
  course: { id: string; title: string },
): Promise<void> {
  await page.goto(`${base}/kurs/${course.id}`);
  await heading1(page, course.title).waitFor();
  const download = page.getByRole('button', { name: /^Last ned \(/ });
  const available = page.getByText('Tilgjengelig uten nett', { exact: true }).first();
  await download.or(available).waitFor();
  if (await download.isVisible()) await download.click();
  await available.waitFor();
}

/** The sync status line under the header (or on the account screen). */
export const syncStatus = (page: Page) => page.getByRole('region', { name: 'Synkronisering' });

/** An event waiting in the outbox, as IndexedDB holds it. */
export interface OutboxEntry {
  id: string;
  seq: number;
  type: string;
  lessonId: string;
}

/** What the app's IndexedDB holds for syncing: the outbox, oldest first, and the refused events. */
export function readDeviceSync(page: Page): Promise<{ outbox: OutboxEntry[]; rejected: number }> {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('lommekurs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const transaction = database.transaction(['outbox', 'meta']);
    const read = <T>(request: IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    const rows = await read<OutboxEntry[]>(transaction.objectStore('outbox').getAll());
    const rejected = await read<{ value: unknown[] } | undefined>(
      transaction.objectStore('meta').get('sync:rejected'),
    );
    database.close();
    return {
      outbox: rows.map(({ id, seq, type, lessonId }) => ({ id, seq, type, lessonId })),
      rejected: rejected?.value.length ?? 0,
    };
  });
}

/** How many tabs of the page's origin hold, and wait for, the sync lock. */
export function syncLockState(page: Page): Promise<{ held: number; pending: number }> {
  return page.evaluate(async (name) => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return {
      held: held.filter((lock) => lock.name === name).length,
      pending: pending.filter((lock) => lock.name === name).length,
    };
  }, SYNC_LOCK_NAME);
}

/** One row of the server's event log. */
export interface StoredEvent {
  id: string;
  type: string;
  lesson_id: string;
  /** How many rows the log has with this id. */
  copies: number;
}

/** The learner's events as the server logged them, read from its SQLite file. */
export function storedEvents(dataDir: string, email: string): StoredEvent[] {
  const sqlite = new Database(sqliteFileIn(dataDir), { readonly: true, fileMustExist: true });
  try {
    return sqlite
      .prepare(
        `SELECT e.id, e.type, e.lesson_id, COUNT(*) AS copies
           FROM events e JOIN users u ON u.id = e.user_id
          WHERE u.email = ?
          GROUP BY e.id, e.type, e.lesson_id
          ORDER BY MIN(e.seq)`,
      )
      .all(email.toLowerCase()) as StoredEvent[];
  } finally {
    sqlite.close();
  }
}

/** How many events of each type, e.g. { 'checklist.toggled': 19 }. */
export function countByType(events: readonly { type: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { type } of events) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** The event ids a push request carries; the app sends pushes gzip-encoded where the browser can
 * compress (gzip's magic bytes say which). */
export function pushedEventIds(request: Request): string[] {
  const raw = request.postDataBuffer();
  if (!raw) return [];
  const json = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return pushBodyEventIds(JSON.parse(json.toString('utf8')) as Record<string, unknown>);
}
