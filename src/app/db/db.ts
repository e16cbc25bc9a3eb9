// The one IndexedDB database of the app, with every schema version ever shipped. Nothing outside
// src/app/db touches it: screens go through the storage modules beside this file.
// Migrations: never edit a shipped version; add `this.version(n + 1)` with an upgrade function.
import { Dexie, type EntityTable } from 'dexie';
import type { CourseBundle, Lesson, LessonKind } from '../../shared/course';
import type { LearnerEvent } from '../../shared/events';
import type { LessonProgress } from '../../shared/progress';
import { uuidv7 } from '../../shared/uuid';

export const DB_NAME = 'lommekurs';

/** A lesson as listed on the course page, without its body. */
export interface LessonOutline {
  id: string;
  title: string;
  kind: LessonKind;
  minutes: number;
}

/** A stored course: the bundle without lesson bodies, which live in `lessons`. */
export interface StoredCourse extends Omit<CourseBundle, 'lessons'> {
  outline: LessonOutline[];
  storedAt: number;
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

export class LommekursDB extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  courses!: EntityTable<StoredCourse, 'id'>;
  lessons!: Dexie.Table<StoredLesson, [string, string]>;
  progress!: Dexie.Table<LessonProgress, [string, string]>;
  outbox!: EntityTable<OutboxRow, 'seq'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      courses: 'id',
      lessons: '[courseId+id], courseId',
      progress: '[courseId+lessonId], courseId, updatedAt',
      outbox: '++seq, &id',
    });
    // The client id is born with the database and dies with it: if the browser evicts the
    // database, a new install must not reuse the old id (see docs/sync-protocol.md).
    this.on('populate', (tx) => {
      void tx.table('meta').add({ key: 'clientId', value: uuidv7() });
    });
  }
}

/** The app's database. */
export const db = new LommekursDB();
