import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, LommekursDB, db } from '../../../src/client-core/db/db';
import { getClientId, resetClientIdCache } from '../../../src/client-core/db/client-id';
import {
  storeCourse,
  getStoredLesson,
  removeStoredCourse,
} from '../../../src/client-core/db/courses';
import { completeLesson } from '../../../src/client-core/db/learner-actions';
import { getLessonProgress } from '../../../src/client-core/db/progress';
import { isAvailableOffline } from '../../../src/client-core/db/downloads';
import { emptyProgress } from '../../../src/shared/progress';
import { UUID_V7 } from '../../../src/shared/uuid';
import { tryggEpost } from '../../utils/bundles';
import { freshDb } from '../../utils/fresh-db';
import { BUNDLE_FORMAT, type CourseBundle } from '../../../src/shared/course';

const bundle = (version: number, lessonIds: string[]): CourseBundle => ({
  format: BUNDLE_FORMAT,
  id: 'c1',
  title: 'Kurs',
  summary: 'Sammendrag',
  language: 'nb',
  version,
  audience: 'Alle',
  sources: [],
  hash: `h${version}`,
  minutes: lessonIds.length * 3,
  media: [],
  lessons: lessonIds.map((id) => ({
    id,
    title: id,
    kind: 'reading',
    minutes: 3,
    html: `<p>${id}</p>`,
    sources: [],
    checked: '2026-11-27',
  })),
});

beforeEach(freshDb);

describe('database schema', () => {
  it('creates the client id together with the database, once', async () => {
    const id = await getClientId();
    expect(id).toMatch(UUID_V7);
    resetClientIdCache();
    expect(await getClientId()).toBe(id);
    await freshDb();
    expect(await getClientId()).not.toBe(id);
  });

  it('opens the current version (3) from scratch under its name', async () => {
    const other = new LommekursDB(`${DB_NAME}-probe`);
    await other.open();
    expect(other.verno).toBe(3);
    expect(other.tables.map((t) => t.name).sort()).toEqual([
      'courses',
      'downloads',
      'lessons',
      'meta',
      'outbox',
      'progress',
    ]);
    other.close();
    await other.delete();
  });

  it('upgrades a version 1 database with data to the current version without losing anything', async () => {
    const name = `${DB_NAME}-v1`;
    // Version 1 exactly as shipped, written by a database that knows only version 1.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      meta: 'key',
      courses: 'id',
      lessons: '[courseId+id], courseId',
      progress: '[courseId+lessonId], courseId, updatedAt',
      outbox: '++seq, &id',
    });
    await v1.open();
    const { lessons, ...meta } = tryggEpost;
    const v1Course = {
      ...meta,
      outline: lessons.map(({ id, title, kind, minutes }) => ({ id, title, kind, minutes })),
      storedAt: 1_700_000_000_000,
    };
    const progress = {
      ...emptyProgress('trygg-epost', 'test-deg-selv'),
      completedAt: 5,
      furthest: 1,
    };
    await v1.table('meta').bulkPut([
      { key: 'clientId', value: 'client-1' },
      { key: 'setting:language', value: 'nn' },
    ]);
    await v1.table('courses').put(v1Course);
    await v1.table('lessons').bulkPut(lessons.map((l) => ({ ...l, courseId: 'trygg-epost' })));
    await v1.table('progress').put(progress);
    await v1.table('outbox').add({ id: 'event-1', type: 'lesson.completed' });
    v1.close();

    const upgraded = new LommekursDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect(await upgraded.meta.get('clientId')).toEqual({ key: 'clientId', value: 'client-1' });
    expect((await upgraded.meta.get('setting:language'))?.value).toBe('nn');
    expect(await upgraded.lessons.count()).toBe(tryggEpost.lessons.length);
    expect(await upgraded.lessons.get(['trygg-epost', 'test-deg-selv'])).toEqual({
      ...tryggEpost.lessons[1],
      courseId: 'trygg-epost',
    });
    expect(await upgraded.progress.get(['trygg-epost', 'test-deg-selv'])).toEqual(progress);
    expect(await upgraded.outbox.toArray()).toEqual([
      { seq: 1, id: 'event-1', type: 'lesson.completed' },
    ]);
    // The course row is kept, with its bundle size added by the upgrade.
    const course = await upgraded.courses.get('trygg-epost');
    expect(course).toEqual({ ...v1Course, bytes: expect.any(Number) });
    expect(course!.bytes).toBe(new TextEncoder().encode(JSON.stringify(tryggEpost)).length);
    expect(await upgraded.downloads.count()).toBe(0);
    // A stored course without media is available offline from its bundle alone.
    expect(isAvailableOffline(course, undefined)).toBe(true);
    upgraded.close();
    await upgraded.delete();
  });

  it('upgrades a version 2 database to version 3 and indexes the waiting events by lesson', async () => {
    const name = `${DB_NAME}-v2`;
    // Version 2 exactly as shipped.
    const v2 = new Dexie(name);
    v2.version(1).stores({
      meta: 'key',
      courses: 'id',
      lessons: '[courseId+id], courseId',
      progress: '[courseId+lessonId], courseId, updatedAt',
      outbox: '++seq, &id',
    });
    v2.version(2).stores({ downloads: 'courseId' });
    await v2.open();
    const progress = { ...emptyProgress('c1', 'l1'), furthest: 0.5 };
    const events = [
      { id: 'event-1', type: 'lesson.opened', courseId: 'c1', lessonId: 'l1' },
      { id: 'event-2', type: 'lesson.opened', courseId: 'c1', lessonId: 'l2' },
      { id: 'event-3', type: 'lesson.progressed', courseId: 'c1', lessonId: 'l1' },
    ];
    await v2.table('meta').put({ key: 'clientId', value: 'client-2' });
    await v2.table('progress').put(progress);
    await v2.table('outbox').bulkAdd(events);
    await v2.table('downloads').put({ courseId: 'c1', state: 'partial' });
    v2.close();

    const upgraded = new LommekursDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect(await upgraded.meta.get('clientId')).toEqual({ key: 'clientId', value: 'client-2' });
    expect(await upgraded.progress.toArray()).toEqual([progress]);
    expect(await upgraded.downloads.toArray()).toEqual([{ courseId: 'c1', state: 'partial' }]);
    expect(await upgraded.outbox.orderBy('seq').toArray()).toEqual(
      events.map((e, i) => ({ ...e, seq: i + 1 })),
    );
    const ofLesson = await upgraded.outbox.where('[courseId+lessonId]').equals(['c1', 'l1']);
    expect((await ofLesson.toArray()).map((e) => e.id)).toEqual(['event-1', 'event-3']);
    upgraded.close();
    await upgraded.delete();
  });
});

describe('stored courses', () => {
  it('replaces lessons on a new version and keeps progress of removed lessons', async () => {
    await storeCourse(bundle(1, ['a', 'b']));
    await completeLesson('c1', 'b');
    await storeCourse(bundle(2, ['a', 'c']));
    expect(await getStoredLesson('c1', 'b')).toBeUndefined();
    expect((await getStoredLesson('c1', 'c'))?.html).toBe('<p>c</p>');
    expect((await db.courses.get('c1'))?.outline.map((l) => l.id)).toEqual(['a', 'c']);
    expect((await getLessonProgress('c1', 'b'))?.completedAt).not.toBeNull();
  });

  it('removing a course keeps the progress', async () => {
    await storeCourse(bundle(1, ['a']));
    await completeLesson('c1', 'a');
    await removeStoredCourse('c1');
    expect(await db.courses.count()).toBe(0);
    expect(await db.lessons.count()).toBe(0);
    expect((await getLessonProgress('c1', 'a'))?.completedAt).not.toBeNull();
  });
});
