// The course API in the contract: the catalogue, each compiled bundle and the media files a
// bundle lists, all cacheable with an ETag (304 on a match).
import { z } from 'zod/mini';
import { catalogueSchema, courseBundleSchema } from '../../../shared/api-schemas';
import { IMAGE_TYPES } from '../../../shared/media-types';
import { empty, ETAG, fail, IF_NONE_MATCH, json, type Operation } from '../registry';

const NOT_MODIFIED = empty('The copy held (If-None-Match) is current', ETAG);
const COURSE_ID = { id: { description: 'The course id (the folder name under courses/)' } };
const IMAGE_MEDIA_TYPES = [...new Set(Object.values(IMAGE_TYPES))];

/** Routes of src/server/course-routes.ts. */
export const courseOperations: Operation[] = [
  {
    operationId: 'getCatalogue',
    method: 'get',
    path: '/api/v1/courses',
    tag: 'courses',
    summary: 'The catalogue: every served course, sorted by title',
    auth: 'none',
    requestHeaders: IF_NONE_MATCH,
    responses: {
      200: json('The catalogue', catalogueSchema, ETAG),
      304: NOT_MODIFIED,
    },
  },
  {
    operationId: 'getCourse',
    method: 'get',
    path: '/api/v1/courses/{id}',
    tag: 'courses',
    summary: 'A compiled course bundle, exactly as the compiler serialised it',
    description: 'The ETag is the bundle hash; a changed course gets a new one.',
    auth: 'none',
    params: COURSE_ID,
    requestHeaders: IF_NONE_MATCH,
    responses: {
      200: json('The bundle', courseBundleSchema, ETAG),
      304: NOT_MODIFIED,
      404: fail('No course has this id', ['course_not_found']),
    },
  },
  {
    operationId: 'getCourseMedia',
    method: 'get',
    path: '/api/v1/courses/{id}/media/{path}',
    tag: 'courses',
    summary: 'A media file the bundle lists (`media/…`), by its path inside the media folder',
    description:
      'Only files listed in the bundle are served, never through a link leading out of the ' +
      "course's media folder. `path` may have several segments, each percent-encoded.",
    auth: 'none',
    params: {
      ...COURSE_ID,
      path: { description: 'The path after `media/`, e.g. `phishing.png`', schema: z.string() },
    },
    requestHeaders: {
      ...IF_NONE_MATCH,
      'If-Modified-Since': { description: 'Answered 304 when the file is not newer' },
    },
    responses: {
      200: {
        description: 'The file',
        content: IMAGE_MEDIA_TYPES,
        headers: {
          ...ETAG,
          'Last-Modified': { description: "The file's modification time", required: true },
        },
      },
      304: NOT_MODIFIED,
      404: fail('No such course, or the course lists no such file', [
        'course_not_found',
        'media_not_found',
      ]),
    },
  },
];
