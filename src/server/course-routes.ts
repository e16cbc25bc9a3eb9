// The course API: the catalogue, each compiled bundle exactly as the compiler serialised it, and
// the media files a bundle lists. Everything is prepared once at start; a request is a map lookup.
import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { MEDIA_DIR, realPathInside } from '../content/media';
import type { CompiledCourse } from '../content/types';
import { bundleUrl, type Catalogue, type MediaFile } from '../shared/course';
import { apiError, methodNotAllowed } from './api-errors';
import { contentEtag } from './conditional';
import type { CompressionCache } from './compression';
import type { FileCache } from './file-cache';
import type { Logger } from './logger';
import { sendEntity } from './send-entity';

/** The served courses and the caches the routes share with the rest of the app. */
export interface CourseRoutesOptions {
  courses: readonly CompiledCourse[];
  files: FileCache;
  compression: CompressionCache;
  logger: Logger;
}

interface ServedMedia {
  file: MediaFile;
  absolutePath: string;
}

interface ServedCourse {
  body: Uint8Array;
  etag: string;
  /** The real path of the course's media/ folder as it was at start (null: there is none). */
  realMediaRoot: string | null;
  /** By the path listed in the bundle (`media/…`): the only files that can ever be served. */
  media: Map<string, ServedMedia>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const NO_CACHE = 'no-cache';
const encoder = new TextEncoder();
const collator = new Intl.Collator('nb');

/** The `GET /api/v1/courses` body: every served course's catalogue row, sorted by title. */
export function catalogueOf(courses: readonly CompiledCourse[]): Catalogue {
  const entries = courses.map((c) => c.entry);
  entries.sort((a, b) => collator.compare(a.title, b.title) || a.id.localeCompare(b.id));
  return { courses: entries };
}

function serve(course: CompiledCourse, logger: Logger): ServedCourse {
  const root = resolve(course.dir);
  const media = new Map<string, ServedMedia>();
  for (const file of course.bundle.media) {
    const absolutePath = resolve(root, file.path);
    // The compiler only lists files inside the course folder; check anyway, it costs nothing.
    if (!absolutePath.startsWith(root + sep)) {
      logger.warn({ course: course.bundle.id, path: file.path }, 'media path outside the course');
      continue;
    }
    media.set(file.path, { file, absolutePath });
  }
  let realMediaRoot: string | null = null;
  try {
    realMediaRoot = realpathSync(resolve(root, MEDIA_DIR));
  } catch {
    // No media/ folder: the course lists no media, and none can be served.
  }
  return {
    body: encoder.encode(course.json),
    etag: `"${course.bundle.hash}"`,
    realMediaRoot,
    media,
  };
}

/** Decodes the URL path after a bundle URL into a listed-path key, or `null` if it is malformed. */
export function mediaKey(rawRest: string): string | null {
  const segments: string[] = [];
  for (const raw of rawRest.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) {
      return null;
    }
    segments.push(segment);
  }
  return segments.join('/');
}

/** Routes under `/api/v1/courses`, with full paths (mount at `/`). */
export function courseRoutes({ courses, files, compression, logger }: CourseRoutesOptions): Hono {
  const byId = new Map(courses.map((c) => [c.bundle.id, serve(c, logger)]));
  const catalogueBody = encoder.encode(JSON.stringify(catalogueOf(courses)));
  const catalogueEtag = contentEtag(catalogueBody);
  const notFound = (c: Context, id: string) =>
    apiError(c, 404, 'course_not_found', `There is no course with id "${id}"`);

  const routes = new Hono();

  routes.get('/api/v1/courses', (c) =>
    sendEntity(
      c,
      {
        key: 'catalogue',
        body: catalogueBody,
        contentType: JSON_TYPE,
        etag: catalogueEtag,
        cacheControl: NO_CACHE,
      },
      compression,
    ),
  );

  routes.get('/api/v1/courses/:id', (c) => {
    const id = c.req.param('id');
    const course = byId.get(id);
    if (!course) return notFound(c, id);
    return sendEntity(
      c,
      {
        key: `bundle:${id}`,
        body: course.body,
        contentType: JSON_TYPE,
        etag: course.etag,
        cacheControl: NO_CACHE,
      },
      compression,
    );
  });

  routes.get('/api/v1/courses/:id/media/*', async (c) => {
    const id = c.req.param('id');
    const course = byId.get(id);
    if (!course) return notFound(c, id);
    // Read the raw (still percent-encoded) path: the key is decoded segment by segment and only
    // ever looked up among the listed files, never joined onto a directory.
    const pathname = new URL(c.req.url).pathname;
    const prefix = `${bundleUrl(id)}/`;
    const key = pathname.startsWith(prefix) ? mediaKey(pathname.slice(prefix.length)) : null;
    const media = key === null ? undefined : course.media.get(key);
    if (!media) {
      return apiError(c, 404, 'media_not_found', `Course "${id}" has no such media file`);
    }
    // The path string was checked at start; the file on disk may since have become a link (or
    // sit under one) to anything the server can read. Follow the links, and open the real path.
    const real =
      course.realMediaRoot === null
        ? 'outside'
        : await realPathInside(course.realMediaRoot, media.absolutePath);
    if (real === 'outside') {
      logger.warn(
        { course: id, path: media.file.path },
        'media file leads outside the media folder',
      );
      return apiError(c, 404, 'media_not_found', `Course "${id}" has no such media file`);
    }
    const file = real === undefined ? null : await files.read(real);
    if (!file) {
      logger.error({ course: id, path: media.file.path }, 'listed media file is missing on disk');
      return apiError(c, 404, 'media_not_found', `Course "${id}" has no such media file`);
    }
    return sendEntity(
      c,
      {
        key: media.absolutePath,
        body: file.bytes,
        contentType: media.file.type,
        etag: file.etag,
        cacheControl: NO_CACHE,
        lastModified: file.mtime,
      },
      compression,
    );
  });

  for (const path of [
    '/api/v1/courses',
    '/api/v1/courses/:id',
    '/api/v1/courses/:id/media/*',
  ] as const) {
    routes.all(path, (c) => methodNotAllowed(c));
  }
  return routes;
}
