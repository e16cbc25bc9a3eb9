// Assembles the served course bundle and its catalogue row. The JSON is built from object literals
// in a fixed key order, so the same sources always give the same bytes and the same hash.
import { createHash } from 'node:crypto';
import {
  BUNDLE_FORMAT,
  LANGUAGES,
  type CatalogueEntry,
  type CourseBundle,
  type CourseMeta,
  type Lesson,
  type MediaFile,
} from '../shared/course';
import { DEFAULT_REVIEW_EVERY_MONTHS, type CourseFrontMatter } from './front-matter-schemas';
import type { CompiledCourse, LessonFile } from './types';

/** `{ translations }` in LANGUAGES order, or nothing when the course links to no translation. */
const translationsOf = (meta: CourseFrontMatter): Pick<CourseMeta, 'translations'> => {
  const links = LANGUAGES.flatMap((language) => {
    const courseId = meta.translations?.[language];
    return courseId === undefined ? [] : [[language, courseId] as const];
  });
  return links.length === 0 ? {} : { translations: Object.fromEntries(links) };
};

/** sha256 (hex) of a bundle's JSON with `hash` set to '': the bundle's identity and ETag. */
export const bundleHash = (bundle: CourseBundle): string =>
  createHash('sha256')
    .update(JSON.stringify({ ...bundle, hash: '' }))
    .digest('hex');

/** Builds the bundle, its JSON and catalogue row from a course's checked parts. */
export const buildCourse = (
  dir: string,
  meta: CourseFrontMatter,
  lessons: Lesson[],
  lessonFiles: LessonFile[],
  media: MediaFile[],
): CompiledCourse => {
  const courseMeta = {
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    language: meta.language,
    version: meta.version,
    audience: meta.audience,
    sources: meta.sources.map((source) =>
      source.url === undefined ? { title: source.title } : { title: source.title, url: source.url },
    ),
    // Only when there are links, so a course without them keeps its bundle bytes and hash.
    ...translationsOf(meta),
  };
  const minutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
  const bundle: CourseBundle = {
    format: BUNDLE_FORMAT,
    ...courseMeta,
    hash: '',
    minutes,
    media,
    lessons,
  };
  bundle.hash = bundleHash(bundle);
  const json = JSON.stringify(bundle);
  const bytes = Buffer.byteLength(json, 'utf8');
  const entry: CatalogueEntry = {
    ...courseMeta,
    hash: bundle.hash,
    lessonCount: lessons.length,
    lessonIds: lessons.map((lesson) => lesson.id),
    minutes,
    bundleBytes: bytes,
    mediaBytes: media.reduce((sum, file) => sum + file.bytes, 0),
  };
  const reviewEveryMonths = meta.review_every_months ?? DEFAULT_REVIEW_EVERY_MONTHS;
  return { dir, bundle, json, bytes, entry, lessonFiles, reviewEveryMonths };
};
