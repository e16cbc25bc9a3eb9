import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, LommekursDB, db } from '../../../src/app/db/db';
import { getClientId, resetClientIdCache } from '../../../src/app/db/client-id';
import { storeCourse, getStoredLesson, removeStoredCourse } from '../../../src/app/db/courses';
import { completeLesson } from '../../../src/app/db/learner-actions';
import { getLessonProgress } from '../../../src/app/db/progress';
import { UUID_V7 } from '../../../src/shared/uuid';
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

  it('opens every shipped version (currently 1) from scratch under its name', async () => {
    const other = new LommekursDB(`${DB_NAME}-probe`);
    await other.open();
    expect(other.verno).toBe(1);
    expect(other.tables.map((t) => t.name).sort()).toEqual([
      'courses',
      'lessons',
      'meta',
      'outbox',
      'progress',
    ]);
    other.close();
    await other.delete();
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
