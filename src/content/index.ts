// The course compiler's public API, used by the server and `npm run courses:check`.
export { compileCatalogue, type CatalogueResult } from './catalogue';
export { compileCourse } from './compile-course';
export { osloToday, staleLessons, type StaleLesson } from './freshness';
export { markdownToHtml } from './markdown';
export { formatError } from './types';
export type { AuthoringError, CompiledCourse, CourseCompileResult } from './types';
