// Everything the device holds about the learner, read in one transaction for "Last ned dataene
// mine": the progress records as stored (resets not applied: the export is the whole history),
// with the stored courses and lessons that give them titles and texts.
import type { LessonProgress } from '../../shared/progress';
import { db, type LommekursDB, type StoredCourse, type StoredLesson } from './db';

/** The learner's data on this device, with the course texts to make it readable. */
export interface DeviceData {
  progress: LessonProgress[];
  courses: StoredCourse[];
  lessons: StoredLesson[];
}

/** Read the learner's data on this device (a consistent snapshot). */
export function readDeviceData(database: LommekursDB = db): Promise<DeviceData> {
  return database.transaction(
    'r',
    database.progress,
    database.courses,
    database.lessons,
    async () => {
      const [progress, courses, lessons] = await Promise.all([
        database.progress.toArray(),
        database.courses.toArray(),
        database.lessons.toArray(),
      ]);
      return { progress, courses, lessons };
    },
  );
}
