// What the UI reads and writes in IndexedDB, in one chunk loaded on demand (./storage.ts): Dexie's
// live queries and the client-core storage functions the screens, stores and hooks of the first
// chunk use. The lazy screens import client-core/db directly.
export { liveQuery } from 'dexie';
export {
  chooseAnonymousSending,
  readAnonymousSending,
} from '../../client-core/db/anonymous-feedback';
export { getStoredCourse } from '../../client-core/db/courses';
export { listCourseIdsWithProgress } from '../../client-core/db/progress';
export { dismissSafariNotice, isSafariNoticeDismissed } from '../../client-core/db/safari-notice';
export { getSetting, setSetting } from '../../client-core/db/settings';
export {
  courseLessons,
  courseOverview,
  downloadRecords,
  lessonView,
  progressWithoutBundle,
  storageItems,
  storedCourseOverviews,
} from '../../client-core/db/views';
