// What an erased account leaves on disk: a real server on a file-based SQLite database in a fresh
// DATA_DIR, an account with a distinctive e-mail and a reflection with a distinctive text, then
// DELETE /api/v1/me. Afterwards neither string may appear in the bytes of the database, its WAL
// or its shared-memory file (secure_delete, and a WAL checkpoint after the erasure), and every
// file the server made is readable by its owner only (issue 12, part 7). SQLite only by nature:
// it opens its own file database under both test runs.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/database';
import { startServer, type RunningServer } from '../../src/server/server';
import { SYNC_SCHEMA_VERSION } from '../../src/shared/sync-protocol';
import { makeTempRoot, writeCourse } from '../utils/course-fixture';
import { makeEvent, newClientId } from '../utils/learners';
import { captureLogger, makeTemp, removeTemp } from './support';

const marker = randomBytes(6).toString('hex');
const EMAIL = `slettmeg-${marker}@eksempel.no`;
const REFLECTION = `Min hemmelige refleksjon ${marker} om kassa i butikken`;
const PASSWORD = `Blåbær-syltetøy-${marker}-Kanelbolle`;

let temp: string;
let coursesDir: string;
let dataDir: string;
let server: RunningServer;
const captured = captureLogger();

beforeAll(async () => {
  temp = await makeTemp('erasure');
  coursesDir = await makeTempRoot();
  await writeCourse(coursesDir, {
    id: 'kurs',
    lessons: [{ id: 'leksjon-1' }, { id: 'leksjon-2' }],
  });
  dataDir = join(temp, 'data');
  const config = loadConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      COURSES_DIR: coursesDir,
      DIST_DIR: join(temp, 'no-dist'),
    },
    temp,
  );
  server = await startServer(config, captured.logger);
});
afterAll(async () => {
  await server?.close();
  await Promise.all([temp, coursesDir].map(removeTemp));
});

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      'Content-Type': 'application/json',
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
  });

const DB_FILES = ['lommekurs.sqlite', 'lommekurs.sqlite-wal', 'lommekurs.sqlite-shm'];

/** The bytes of each database file that exists (the WAL and -shm may be absent). */
async function databaseBytes(): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const name of DB_FILES) {
    const bytes = await readFile(join(dataDir, name)).catch(() => undefined);
    if (bytes) out[name] = bytes;
  }
  return out;
}

/** The files that contain `text`, as UTF-8 bytes. */
const filesContaining = (files: Record<string, Buffer>, text: string): string[] =>
  Object.entries(files)
    .filter(([, bytes]) => bytes.includes(Buffer.from(text, 'utf8')))
    .map(([name]) => name);

describe('an erased account on disk (SQLite)', () => {
  // The real server hashes with the production scrypt cost: a few hundred ms per hash.
  it(
    'leaves neither the e-mail nor the reflection in the database, WAL or -shm file',
    { timeout: 30_000 },
    async () => {
      const registered = await api('/api/v1/auth/register', {
        method: 'POST',
        body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
      });
      expect(registered.status, await registered.clone().text()).toBe(201);
      const { token } = (await registered.json()) as { token: string };

      const clientId = newClientId();
      const event = makeEvent(
        'reflection.saved',
        { text: REFLECTION },
        { clientId, seq: 1, courseId: 'kurs', lessonId: 'leksjon-1' },
      );
      const pushed = await api('/api/v1/sync/push', {
        method: 'POST',
        token,
        body: JSON.stringify({ clientId, schemaVersion: SYNC_SCHEMA_VERSION, events: [event] }),
      });
      expect(pushed.status, JSON.stringify(captured.lines.filter((l) => l.level >= 50))).toBe(200);

      // The test is only worth something if the strings were on disk before the erasure.
      const before = await databaseBytes();
      expect(filesContaining(before, EMAIL)).not.toEqual([]);
      expect(filesContaining(before, REFLECTION)).not.toEqual([]);

      const deleted = await api('/api/v1/me', {
        method: 'DELETE',
        token,
        body: JSON.stringify({ password: PASSWORD }),
      });
      expect(deleted.status, await deleted.clone().text()).toBe(204);

      const after = await databaseBytes();
      expect(Object.keys(after)).toContain('lommekurs.sqlite');
      expect(filesContaining(after, EMAIL)).toEqual([]);
      expect(filesContaining(after, REFLECTION)).toEqual([]);
    },
  );

  it('made DATA_DIR 0700 and every database file 0600', async () => {
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    const modes: Record<string, string> = {};
    for (const name of DB_FILES) {
      const info = await stat(join(dataDir, name)).catch(() => undefined);
      if (info) modes[name] = (info.mode & 0o777).toString(8);
    }
    expect(modes).toEqual({
      'lommekurs.sqlite': '600',
      'lommekurs.sqlite-wal': '600',
      'lommekurs.sqlite-shm': '600',
    });
  });

  it('takes group and world access from database files an older version made 0644', async () => {
    const dir = await makeTemp('old-modes');
    try {
      const file = join(dir, 'lommekurs.sqlite');
      const first = await openDatabase({ sqliteFile: file });
      await first.close();
      await writeFile(`${file}-wal`, '');
      for (const path of [file, `${file}-wal`]) await chmod(path, 0o644);
      const reopened = await openDatabase({ sqliteFile: file });
      try {
        for (const path of [file, `${file}-wal`, `${file}-shm`]) {
          expect(((await stat(path)).mode & 0o777).toString(8), path).toBe('600');
        }
      } finally {
        await reopened.close();
      }
    } finally {
      await removeTemp(dir);
    }
  });
});
