// The compiled course bundle: what the server serves, the app stores in IndexedDB and the player
// renders. Produced only by src/content from an author's Markdown; every HTML string here has
// already been sanitised. Lesson, question, option and checklist-item ids are stable forever,
// because a learner's progress hangs on them.

/** Bumped when the bundle's shape changes, so an app can refuse a bundle it cannot read. */
export const BUNDLE_FORMAT = 1;

export const LANGUAGES = ['nb', 'nn', 'en', 'se'] as const;
export type CourseLanguage = (typeof LANGUAGES)[number];

export const LESSON_KINDS = ['reading', 'quiz', 'checklist', 'reflection'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** Where a course or lesson got its facts. A lesson's sources always have an https:// `url`. */
export interface Source {
  title: string;
  url?: string;
}

export interface MediaFile {
  /** Path relative to the course folder, e.g. `media/phishing.png`. */
  path: string;
  /** URL the app fetches it from: the media path plus `?v=<hash prefix>`, so a changed image
   * gets a new URL (and changes the bundle hash) and a cached copy is never stale. */
  url: string;
  bytes: number;
  /** sha256 (hex) of the file's content. */
  sha256: string;
  /** MIME type. */
  type: string;
}

/** One entry of a lesson's change log: what changed in its substance, and when. */
export interface LessonChange {
  /** The day of the change, `YYYY-MM-DD`. */
  date: string;
  /** One line in the course's language, at most 160 characters, for a learner who took the
   * lesson before. */
  summary: string;
}

interface LessonBase {
  id: string;
  title: string;
  minutes: number;
  /** Sanitised body HTML (for a quiz: its introduction; for a reflection: the prompt). */
  html: string;
  /** What the lesson is based on: at least one, each with a title and an https:// url. */
  sources: Source[];
  /** The day an author last checked the lesson against its sources ("sist kontrollert"),
   * as an ISO date `YYYY-MM-DD`. */
  checked: string;
  /** What changed in the lesson, newest first. Absent when nothing has, so older bundles keep
   * their bytes and hash. */
  changes?: LessonChange[];
}

export interface ReadingLesson extends LessonBase {
  kind: 'reading';
}

export interface QuizOption {
  id: string;
  html: string;
  correct: boolean;
  /** Why this option is right or wrong: shown after the learner answers. */
  explanationHtml: string;
}

export interface QuizQuestion {
  id: string;
  html: string;
  /** More than one option is correct: the learner must pick all of them. */
  multiple: boolean;
  options: QuizOption[];
}

export interface QuizLesson extends LessonBase {
  kind: 'quiz';
  questions: QuizQuestion[];
}

export interface ChecklistItem {
  id: string;
  html: string;
}

/** How long the work a lesson asks for takes, in minutes (`from` = `to` for one figure). */
export interface TaskMinutes {
  from: number;
  to: number;
}

export interface ChecklistLesson extends LessonBase {
  kind: 'checklist';
  items: ChecklistItem[];
  /** The work the checklist asks for, apart from the reading time in `minutes`. */
  taskMinutes?: TaskMinutes;
}

export interface ReflectionLesson extends LessonBase {
  kind: 'reflection';
  /** Optional suggestion to take the reflection to the business-garden advisor. */
  advisorHtml?: string;
}

export type Lesson = ReadingLesson | QuizLesson | ChecklistLesson | ReflectionLesson;

export interface CourseMeta {
  id: string;
  title: string;
  summary: string;
  language: CourseLanguage;
  /** Positive integer, raised by the author on every published change. */
  version: number;
  audience: string;
  sources: Source[];
  /** The same course in other languages: language code → course id. Absent when there are none;
   * keys in LANGUAGES order. A linked course need not link back. */
  translations?: Partial<Record<CourseLanguage, string>>;
}

export interface CourseBundle extends CourseMeta {
  format: typeof BUNDLE_FORMAT;
  /** sha256 (hex) of the bundle's content, computed with `hash` set to ''. Used as the ETag. */
  hash: string;
  minutes: number;
  media: MediaFile[];
  lessons: Lesson[];
}

/** One row of `GET /api/v1/courses`. */
export interface CatalogueEntry extends CourseMeta {
  hash: string;
  lessonCount: number;
  /** The lessons' ids in course order, so a device without the bundle can tell which of the
   * learner's completions count (progress pulled from another device). Absent from catalogues
   * served before it existed (a service worker may still hold one). */
  lessonIds?: string[];
  minutes: number;
  /** Size of the bundle JSON in bytes (uncompressed). */
  bundleBytes: number;
  /** Sum of all media file sizes in bytes. */
  mediaBytes: number;
}

export interface Catalogue {
  courses: CatalogueEntry[];
}

/** URL path of a course bundle. */
export const bundleUrl = (courseId: string): string =>
  `/api/v1/courses/${encodeURIComponent(courseId)}`;

/** URL path of a course's media file, from its path inside the course folder. */
export const mediaUrl = (courseId: string, path: string): string =>
  `${bundleUrl(courseId)}/${path.split('/').map(encodeURIComponent).join('/')}`;

/** The versioned URL of a media file with this content hash. */
export const versionedMediaUrl = (courseId: string, path: string, sha256: string): string =>
  `${mediaUrl(courseId, path)}?v=${sha256.slice(0, 16)}`;

/** Number of questions a learner must answer to finish a lesson, or 0 when it has none. */
export const questionCount = (lesson: Lesson): number =>
  lesson.kind === 'quiz' ? lesson.questions.length : 0;

/** The newest of a lesson's changes (latest date; the first listed of that day), or undefined
 * when it has none. */
export const newestChange = (lesson: Pick<Lesson, 'changes'>): LessonChange | undefined =>
  lesson.changes?.reduce((newest, change) => (change.date > newest.date ? change : newest));
