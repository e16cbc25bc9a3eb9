// Compiles one course folder: course.md, the lesson files in file-name order, and the media they
// use. Collects every authoring error of the course before giving up on it.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGUAGES, type CourseLanguage, type Lesson } from '../shared/course';
import { idSchema } from './front-matter-schemas';
import { buildCourse } from './bundle';
import { ErrorList } from './errors';
import { readFrontMatter, validateFrontMatter } from './front-matter';
import { courseFrontMatterSchema, type CourseFrontMatter } from './front-matter-schemas';
import { compileLesson } from './lesson';
import { MediaCollector } from './media';
import type { AuthoringError, CourseCompileResult, LessonFile } from './types';

/** The file every course folder has. */
export const COURSE_FILE = 'course.md';

/** A lesson file name: two digits, a dash, a slug, `.md`. */
export const LESSON_FILE = /^(\d{2})-[a-z0-9][a-z0-9-]*\.md$/;

/** One `translations:` entry of a course.md, with the line it is reported at. */
export interface TranslationLink {
  language: CourseLanguage;
  courseId: string;
  line: number;
}

/** A course result plus what the catalogue checks across courses: where its id was written (for
 * the duplicate check), its language and its translation links. */
export interface CourseFolderResult {
  result: CourseCompileResult;
  id?: string;
  idLine: number;
  /** The course's language, when course.md names a valid one. */
  language?: CourseLanguage;
  /** Links to other courses, when course.md is valid. */
  translations: TranslationLink[];
}

/** Compiles the course in `dir`; throws only when the folder itself cannot be read. */
export const compileCourse = async (dir: string): Promise<CourseCompileResult> =>
  (await compileCourseFolder(dir)).result;

/** compileCourse, also returning the course id and its line. */
export const compileCourseFolder = async (dir: string): Promise<CourseFolderResult> => {
  const root = path.resolve(dir);
  const entries = await readdir(root, { withFileTypes: true });
  const errors = new ErrorList();
  const courseFile = path.join(root, COURSE_FILE);
  const reportCourse = errors.for(courseFile);

  let meta: CourseFrontMatter | undefined;
  let rawId: string | undefined;
  let rawLanguage: CourseLanguage | undefined;
  let idLine = 1;
  const translations: TranslationLink[] = [];
  if (entries.some((entry) => entry.isFile() && entry.name === COURSE_FILE)) {
    const frontMatter = readFrontMatter(await readFile(courseFile, 'utf8'), reportCourse);
    meta = validateFrontMatter(frontMatter, courseFrontMatterSchema, reportCourse);
    rawId = idSchema.safeParse(frontMatter.data?.id).data;
    rawLanguage = LANGUAGES.find((language) => language === frontMatter.data?.language);
    idLine = frontMatter.lineOf(['id']);
    for (const language of LANGUAGES) {
      const courseId = meta?.translations?.[language];
      if (courseId === undefined) continue;
      const line = frontMatter.lineOf(['translations', language]);
      if (courseId === meta!.id) {
        reportCourse(
          line,
          `"translations.${language}" links to this course itself: name the course id of its ${language} version`,
        );
      } else if (language === meta!.language) {
        reportCourse(
          line,
          `"translations.${language}": this course is already in ${language}; list only its versions in other languages`,
        );
      } else {
        translations.push({ language, courseId, line });
      }
    }
  } else {
    reportCourse(1, `missing ${COURSE_FILE}: every course folder needs one`);
  }
  const language = meta?.language ?? 'nb';
  const media = new MediaCollector(root, rawId ?? path.basename(root), errors);

  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== COURSE_FILE)
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lessons: Lesson[] = [];
  const lessonFiles: LessonFile[] = [];
  const lessonIds = new Map<string, string>();
  const numbers = new Map<string, string>();
  for (const name of files) {
    const file = path.join(root, name);
    const report = errors.for(file);
    const number = LESSON_FILE.exec(name)?.[1];
    if (number === undefined) {
      report(
        1,
        `file name "${name}" must look like 01-lesson-name.md: two digits, a dash, then lowercase letters, digits and dashes`,
      );
    } else if (numbers.has(number)) {
      report(1, `lesson number ${number} is also used by ${numbers.get(number)}`);
    } else {
      numbers.set(number, name);
    }
    const compiled = await compileLesson(file, { language, media, errors });
    if (compiled.id !== undefined) {
      const previous = lessonIds.get(compiled.id);
      if (previous !== undefined) {
        report(compiled.idLine, `lesson id "${compiled.id}" is already used by ${previous}`);
      } else {
        lessonIds.set(compiled.id, name);
      }
    }
    if (compiled.lesson) {
      lessons.push(compiled.lesson);
      lessonFiles.push({ path: file, checkedLine: compiled.checkedLine });
    }
  }
  if (files.length === 0) {
    reportCourse(1, 'course has no lessons: add lesson files named like 01-lesson-name.md');
  }

  const mediaFiles = await media.files();
  const sorted = sortErrors(errors.items);
  const warnings = sortErrors(errors.warnings);
  const result: CourseCompileResult =
    sorted.length === 0 && meta
      ? {
          dir: root,
          course: buildCourse(root, meta, lessons, lessonFiles, mediaFiles),
          errors: [],
          warnings,
        }
      : { dir: root, errors: sorted, warnings };
  return { result, id: rawId, idLine, language: rawLanguage, translations };
};

/** course.md first, then lessons and media in path order; within a file, by line. */
export const sortErrors = (errors: AuthoringError[]): AuthoringError[] => {
  const rank = (file: string) => (path.basename(file) === COURSE_FILE ? 0 : 1);
  return [...errors].sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line,
  );
};
