// The entry script's reads before the first paint (raw IndexedDB, no Dexie) and its lesson-route
// test: see src/app/boot.ts and src/client-core/db/boot-settings.ts.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { readBootSettings } from '../../src/client-core/db/boot-settings';
import { LommekursDB } from '../../src/client-core/db/db';
import { DB_NAME, META_TABLE } from '../../src/client-core/db/db-names';
import { isLessonPath, paths, routePatterns } from '../../src/app/routes';

describe('readBootSettings', () => {
  it('reads the names db.ts uses', () => {
    expect(new LommekursDB().name).toBe(DB_NAME);
    expect(new LommekursDB('names').meta.name).toBe(META_TABLE);
  });

  it('gives defaults and newDevice for a database that does not exist, and does not create it', async () => {
    const idb = new IDBFactory();
    expect(await readBootSettings(idb, 'fresh')).toEqual({
      language: undefined,
      textSize: undefined,
      newDevice: true,
    });
    expect(await idb.databases()).toEqual([]);
    // Dexie then creates it at its own version, with every table.
    const db = new LommekursDB('fresh');
    await db.open();
    expect(db.verno).toBeGreaterThan(1);
    expect(db.tables.map((t) => t.name)).toContain('meta');
    db.close();
  });

  it('reads the stored language and text size from a database Dexie made', async () => {
    const db = new LommekursDB('stored');
    await db.meta.bulkPut([
      { key: 'setting:language', value: 'nn' },
      { key: 'setting:textSize', value: 'largest' },
    ]);
    expect(await readBootSettings(indexedDB, 'stored')).toEqual({
      language: 'nn',
      textSize: 'largest',
      newDevice: false,
    });
    // Its connection is closed: Dexie keeps working (and could upgrade).
    await db.meta.put({ key: 'setting:language', value: 'en' });
    expect((await readBootSettings(indexedDB, 'stored')).language).toBe('en');
    db.close();
  });

  it('gives defaults without IndexedDB', async () => {
    // (An undefined argument would take the default, the global: remove the global instead.)
    vi.stubGlobal('indexedDB', undefined);
    const settings = await readBootSettings();
    vi.unstubAllGlobals();
    expect(settings).toEqual({
      language: undefined,
      textSize: undefined,
      newDevice: false,
    });
  });
});

describe('isLessonPath', () => {
  it('matches the lesson route only', () => {
    expect(routePatterns.lesson).toBe('/kurs/:courseId/:lessonId');
    expect(isLessonPath(paths.lesson('trygg-epost', 'hva-gjor-dere'))).toBe(true);
    expect(isLessonPath(`${paths.lesson('a', 'b')}/`)).toBe(true);
    expect(isLessonPath(paths.course('trygg-epost'))).toBe(false);
    expect(isLessonPath(paths.home)).toBe(false);
    expect(isLessonPath(paths.catalogue)).toBe(false);
    expect(isLessonPath(`${paths.lesson('a', 'b')}/c`)).toBe(false);
  });
});
