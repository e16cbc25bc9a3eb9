// The one IndexedDB database of the app, with every schema version ever shipped. Nothing outside
// src/app/db touches it: screens go through the storage modules beside this file.
// Migrations: never edit a shipped version; add `this.version(n + 1)` with an upgrade function.
import { Dexie, type EntityTable } from 'dexie';
import type {
  CourseBundle,
  Lesson,
  LessonChange,
  LessonKind,
  TaskMinutes,
} from '../../shared/course';
import type { LearnerEvent } from '../../shared/events';
import type { LessonProgress } from '../../shared/progress';
import { uuidv7 } from '../../shared/uuid';
import { storedBundleBytes } from './bundle-size';
import { DB_NAME } from './db-names';

export { DB_NAME };

/** A lesson as listed on the course page, without its body. */
export interface LessonOutline {
  id: string;
  title: string;
  kind: LessonKind;
  minutes: number;
  /** A checklist's work, apart from reading (see ChecklistLesson). */
  taskMinutes?: TaskMinutes;
  /** The lesson's newest change; absent when it has none (and in outlines stored before lessons
   * had changes, until the course's next update). */
  change?: LessonChange;
}

/** A stored course: the bundle without lesson bodies, which live in `lessons`. */
export interface StoredCourse extends Omit<CourseBundle, 'lessons'> {
  outline: LessonOutline[];
  storedAt: number;
  /** Size of the bundle JSON in bytes (as the catalogue counts it). Set from schema version 2 on;
   * the upgrade computes it for courses stored before. */
  bytes?: number;
}

/** A stored lesson, keyed by course and lesson id. */
export type StoredLesson = Lesson & { courseId: string };

/** Small key-value facts about this device: its client id, the chosen language. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** An outbox row is an event; `seq` is assigned by the table's auto-increment. */
export type OutboxRow = LearnerEvent;

/**
 * The download of a course for offline use (schema version 2), one row per course.
 * - `complete`: the bundle with this `hash` and every media file it lists are stored (bundle in
 *   `courses`/`lessons`, media in the course's Cache Storage cache). The course is available
 *   offline while the stored course still has this hash.
 * - `partial`: a download of this version began and has not finished. Some media files may be in
 *   the cache (a retry skips them); the bundle is only stored when everything else is.
 * An update of a complete course keeps the row complete (for the old hash) until the new version
 * is stored in full, then switches it in the same transaction as the bundle.
 */
export interface DownloadRow {
  courseId: string;
  /** Title and content language of the downloaded version, to list it before its bundle is stored. */
  title: string;
  language: string;
  state: 'partial' | 'complete';
  version: number;
  hash: string;
  bundleBytes: number;
  mediaBytes: number;
  mediaCount: number;
  startedAt: number;
  /** When the download completed; null while partial. */
  completedAt: number | null;
}

export class LommekursDB extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  courses!: EntityTable<StoredCourse, 'id'>;
  lessons!: Dexie.Table<StoredLesson, [string, string]>;
  progress!: Dexie.Table<LessonProgress, [string, string]>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  downloads!: EntityTable<DownloadRow, 'courseId'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      courses: 'id',
      lessons: '[courseId+id], courseId',
      progress: '[courseId+lessonId], courseId, updatedAt',
      outbox: '++seq, &id',
    });
    // Version 2 (offline downloads): which courses are stored in full for offline use, and the
    // size of every stored bundle (for the storage screen), computed for courses stored by v1.
    this.version(2)
      .stores({ downloads: 'courseId' })
      .upgrade(async (tx) => {
        const courses = tx.table<StoredCourse, string>('courses');
        const lessons = tx.table<StoredLesson, [string, string]>('lessons');
        for (const course of await courses.toArray()) {
          if (typeof course.bytes === 'number') continue;
          const bodies = await lessons.where('courseId').equals(course.id).toArray();
          await courses.put({ ...course, bytes: storedBundleBytes(course, bodies) });
        }
      });
    // Version 3 (sync): applying a pulled progress row folds in the lesson's events that are
    // still waiting in the outbox, so the outbox is indexed by lesson.
    this.version(3).stores({ outbox: '++seq, &id, [courseId+lessonId]' });
    // The client id is born with the database and dies with it: if the browser evicts the
    // database, a new install must not reuse the old id (see docs/sync-protocol.md).
    this.on('populate', (tx) => {
      void tx.table('meta').add({ key: 'clientId', value: uuidv7() });
    });
  }
}

/** The app's database. */
export const db = new LommekursDB();
