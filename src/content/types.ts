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
}

export interface CourseCompileResult {
  dir: string;
  /** Present only when there are no errors. */
  course?: CompiledCourse;
  errors: AuthoringError[];
}

/** `file:line: message`, the one format every authoring error is shown in. */
export const formatError = (e: AuthoringError): string => `${e.file}:${e.line}: ${e.message}`;
