// What the course compiler produces and reports. The server and `npm run courses:check` use it.
import type { CatalogueEntry, CourseBundle } from '../shared/course';

/** One authoring mistake, printed as `file:line: message`. `file` is relative to the cwd. */
export interface AuthoringError {
  file: string;
  line: number;
  message: string;
}

export interface CompiledCourse {
  /** Absolute path of the course folder (media files are resolved against it). */
  dir: string;
  bundle: CourseBundle;
  /** The bundle serialised exactly as served. */
  json: string;
  /** Byte length of `json` (UTF-8). */
  bytes: number;
  /** The catalogue row for this course. */
  entry: CatalogueEntry;
  /** Where each lesson of `bundle.lessons` was written, in the same order. */
  lessonFiles: LessonFile[];
  /** How often the lessons' facts must be checked again (course.md, default 6). */
  reviewEveryMonths: number;
}

/** A lesson's source file, for messages that point an author at it. */
export interface LessonFile {
  /** Absolute path. */
  path: string;
  /** 1-based line of its `checked` field. */
  checkedLine: number;
}

export interface CourseCompileResult {
  dir: string;
  /** Present only when there are no errors. */
  course?: CompiledCourse;
  errors: AuthoringError[];
  /** Reported but not fatal (docs/course-format.md, "What the checker enforces"). */
  warnings: AuthoringError[];
}

/** `file:line: message`, the one format every authoring error is shown in. */
export const formatError = (e: AuthoringError): string => `${e.file}:${e.line}: ${e.message}`;

/** `file:line: warning: message`, how a warning is shown. */
export const formatWarning = (w: AuthoringError): string =>
  `${w.file}:${w.line}: warning: ${w.message}`;
