// The course API over courses compiled by the real compiler: fixture courses in a temp folder,
// one of them broken, and the example course in courses/.
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCourse, formatError, type CompiledCourse } from '../../src/content';
import { createApp } from '../../src/server/app';
import { openTestDatabase } from '../utils/test-database';
import { loadCatalogue, logStaleCourses } from '../../src/server/catalogue';
import { bundleUrl, type Catalogue } from '../../src/shared/course';
import { makeTempRoot, TINY_PNG, writeCourse } from '../utils/course-fixture';
import { bytesOf, captureLogger, makeDist, removeTemp, type LogLine } from './support';

// The course and static routes do not use it, but every app has one.
const database = await openTestDatabase();
afterAll(() => database.close());

// Over 1 KB, so it is compressed; nothing in it that the compiler refuses.
const DIAGRAM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">${Array.from(
  { length: 40 },
  (_, i) => `<rect x="${i}" y="${i}" width="10" height="10" fill="#336699"/>`,
).join('')}</svg>\n`;

let root: string;
let dist: string;
let brokenDir: string;
let courses: CompiledCourse[];
let lines: LogLine[];
let app: Hono;

beforeAll(async () => {
  root = await makeTempRoot();
  dist = await makeDist();
  await writeCourse(root, {
    id: 'digital',
    meta: { title: 'Digital sikkerhet' },
    lessons: [
      {
        id: 'bilder',
        minutes: 3,
        body: 'Se her:\n\n![Et bilde](media/bilde%201.png)\n\n![Diagram](media/figurer/diagram.svg)\n',
      },
      { id: 'quiz', kind: 'quiz', minutes: 4 },
      { id: 'liste', kind: 'checklist', minutes: 1 },
    ],
    files: {
      'media/bilde 1.png': TINY_PNG,
      'media/figurer/diagram.svg': DIAGRAM_SVG,
      'media/ikke-brukt.png': TINY_PNG,
    },
  });
  await writeCourse(root, { id: 'aapne', meta: { title: 'Åpne data' } });
  await writeCourse(root, { id: 'aerlig', meta: { title: 'Ærlig markedsføring' } });
  // Broken twice: an unknown language in course.md and a lesson with no minutes.
  brokenDir = await writeCourse(root, {
    id: 'broken',
    meta: { language: 'klingon' },
    lessons: [{ id: 'uten-tid', frontMatter: { minutes: 'lenge' } }],
  });

  const captured = captureLogger();
  lines = captured.lines;
  courses = await loadCatalogue(root, captured.logger);
  app = createApp({ catalogue: courses, distDir: dist, logger: captured.logger, database });
});
afterAll(async () => {
  await removeTemp(root);
  await removeTemp(dist);
});

const course = (id: string): CompiledCourse => courses.find((c) => c.bundle.id === id)!;

describe('loadCatalogue', () => {
  it('serves the courses that compile and refuses the broken one', () => {
    expect(courses.map((c) => c.bundle.id).sort()).toEqual(['aapne', 'aerlig', 'digital']);
  });

  it('logs each error of the refused course as file:line: message, at warn level', async () => {
    const { errors } = await compileCourse(brokenDir);
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const error of errors) {
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 40,
          msg: formatError(error),
          file: error.file,
          line: error.line,
        }),
      );
    }
    expect(lines.some((l) => l.level === 40 && /course\.md:\d+: /.test(l.msg))).toBe(true);
    expect(lines.some((l) => l.level === 40 && /01-uten-tid\.md:\d+: /.test(l.msg))).toBe(true);
  });

  it('logs a summary line', () => {
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 30,
        courses: 3,
        refused: 1,
        msg: '3 course(s) served, 1 refused',
      }),
    );
  });

  it('warns once per course with lessons past due for a new check, and still serves it', async () => {
    const { logger, lines: own } = captureLogger();
    const staleRoot = await makeTempRoot();
    await writeCourse(staleRoot, {
      id: 'gammel',
      lessons: [
        { id: 'a', frontMatter: { checked: '2025-01-10' } },
        { id: 'b', frontMatter: { checked: '2025-08-01' } },
      ],
    });
    await writeCourse(staleRoot, { id: 'fersk', lessons: [{ id: 'c' }] });
    const served = await loadCatalogue(staleRoot, logger);
    logStaleCourses(served, logger, '2026-01-01');
    await removeTemp(staleRoot);
    expect(served.map((c) => c.bundle.id).sort()).toEqual(['fersk', 'gammel']);
    const stale = own.filter((line) => line.level === 40 && /past due/.test(String(line.msg)));
    // loadCatalogue warned as of today; the explicit call as of 2026-01-01, when only "gammel" was due.
    expect(stale.filter((line) => line.course === 'gammel')).toHaveLength(2);
    expect(stale.at(-1)).toMatchObject({
      course: 'gammel',
      lessons: ['a'],
      dueSince: '2025-07-10',
      msg: 'course gammel: 1 lesson(s) past due for a new check since 2025-07-10 (npm run courses:stale)',
    });
  });

  it('serves no courses, with a warning, when the folder is missing', async () => {
    const { logger, lines: own } = captureLogger();
    expect(await loadCatalogue(resolve(root, 'nowhere'), logger)).toEqual([]);
    expect(own[0]).toMatchObject({
      level: 40,
      msg: 'courses directory not found: serving no courses',
    });
  });
});

describe('GET /api/v1/courses', () => {
  it('lists the catalogue rows sorted by title (Norwegian order)', async () => {
    const res = await app.request('/api/v1/courses');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    const body = (await res.json()) as Catalogue;
    expect(body.courses.map((c) => c.title)).toEqual([
      'Digital sikkerhet',
      'Ærlig markedsføring',
      'Åpne data',
    ]);
    expect(body.courses.find((c) => c.id === 'broken')).toBeUndefined();
  });

  it('has lessonCount, minutes, bundleBytes and mediaBytes', async () => {
    const body = (await (await app.request('/api/v1/courses')).json()) as Catalogue;
    const digital = body.courses.find((c) => c.id === 'digital')!;
    expect(digital).toEqual(course('digital').entry);
    expect(digital).toMatchObject({
      lessonCount: 3,
      minutes: 8,
      bundleBytes: Buffer.byteLength(course('digital').json),
      mediaBytes: TINY_PNG.length + Buffer.byteLength(DIAGRAM_SVG),
      hash: course('digital').bundle.hash,
    });
    expect(digital.lessonIds).toEqual(course('digital').bundle.lessons.map((lesson) => lesson.id));
    expect(body.courses.find((c) => c.id === 'aapne')).toMatchObject({
      lessonCount: 1,
      minutes: 2,
      mediaBytes: 0,
    });
  });

  it('answers 304 to its ETag', async () => {
    const first = await app.request('/api/v1/courses');
    const res = await app.request('/api/v1/courses', {
      headers: { 'If-None-Match': first.headers.get('ETag')! },
    });
    expect(res.status).toBe(304);
  });
});

describe('GET /api/v1/courses/:id', () => {
  it('serves the compiled JSON byte for byte, with the bundle hash as ETag', async () => {
    const digital = course('digital');
    const res = await app.request(bundleUrl('digital'));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('ETag')).toBe(`"${digital.bundle.hash}"`);
    expect(res.headers.get('Content-Length')).toBe(String(digital.bytes));
    expect(await res.text()).toBe(digital.json);
  });

  it.each([
    ['strong', (h: string) => `"${h}"`],
    ['weak', (h: string) => `W/"${h}"`],
    ['in a list', (h: string) => `"old", W/"older",  "${h}"`],
    ['wildcard', () => '*'],
  ])('answers 304 to a matching If-None-Match (%s)', async (_, header) => {
    const hash = course('digital').bundle.hash;
    const res = await app.request(bundleUrl('digital'), {
      headers: { 'If-None-Match': header(hash) },
    });
    expect(res.status).toBe(304);
    expect(res.headers.get('ETag')).toBe(`"${hash}"`);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe('');
  });

  it('answers 200 to an outdated If-None-Match', async () => {
    const res = await app.request(bundleUrl('digital'), {
      headers: { 'If-None-Match': `"${'0'.repeat(64)}"` },
    });
    expect(res.status).toBe(200);
  });

  it('compresses the bundle with br or gzip, and it decompresses to the JSON', async () => {
    const json = Buffer.from(course('digital').json);
    const br = await app.request(bundleUrl('digital'), {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(br.headers.get('ETag')).toBe(`"${course('digital').bundle.hash}"`);
    expect(brotliDecompressSync(await bytesOf(br))).toEqual(json);

    const gz = await app.request(bundleUrl('digital'), { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(gz))).toEqual(json);
  });

  it.each(['broken', 'finnes-ikke', 'DIGITAL'])('answers 404 JSON for %s', async (id) => {
    const res = await app.request(bundleUrl(id));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: 'course_not_found',
      message: `There is no course with id "${id}"`,
    });
  });
});

describe('GET /api/v1/courses/:id/media/*', () => {
  const mediaOf = (path: string) => course('digital').bundle.media.find((m) => m.path === path)!;

  it('lists the used media, with the URLs the server answers', () => {
    expect(course('digital').bundle.media.map((m) => m.path)).toEqual([
      'media/bilde 1.png',
      'media/figurer/diagram.svg',
    ]);
    expect(mediaOf('media/bilde 1.png').url).toMatch(
      /^\/api\/v1\/courses\/digital\/media\/bilde%201\.png\?v=[0-9a-f]{16}$/,
    );
  });

  it('serves a listed PNG with type, length and ETag, uncompressed', async () => {
    const res = await app.request(mediaOf('media/bilde 1.png').url, {
      headers: { 'Accept-Encoding': 'br, gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/png');
    expect(res.headers.get('Content-Length')).toBe(String(TINY_PNG.length));
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('ETag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(TINY_PNG);
  });

  it('answers 304 to its ETag and HEAD without a body', async () => {
    const url = mediaOf('media/bilde 1.png').url;
    const etag = (await app.request(url)).headers.get('ETag')!;
    const cached = await app.request(url, { headers: { 'If-None-Match': `W/${etag}` } });
    expect(cached.status).toBe(304);
    const head = await app.request(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(TINY_PNG.length));
    expect(head.headers.get('Content-Type')).toBe('image/png');
    expect(await head.text()).toBe('');
  });

  it('serves a listed SVG in a subfolder, compressed when accepted', async () => {
    const res = await app.request(mediaOf('media/figurer/diagram.svg').url, {
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(await bytesOf(res)).toString()).toBe(DIAGRAM_SVG);
  });

  it.each([
    '/api/v1/courses/digital/media/ikke-brukt.png',
    '/api/v1/courses/digital/media/..%2fcourse.md',
    '/api/v1/courses/digital/media/..%2f01-bilder.md',
    '/api/v1/courses/digital/media/figurer%2f..%2f..%2fcourse.md',
    '/api/v1/courses/digital/media/%2e%2e%2f%2e%2e%2f..%2fetc%2fpasswd',
    '/api/v1/courses/digital/media/bilde%201.png%00',
    '/api/v1/courses/digital/media/',
    '/api/v1/courses/aapne/media/bilde%201.png',
    '/api/v1/courses/broken/media/x.png',
  ])('refuses %s with 404 JSON', async (url) => {
    const res = await app.request(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
  });
});

describe('GET /healthz', () => {
  it('counts the served courses', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok', courses: 3 });
  });
});

describe('the example course in courses/', () => {
  let example: CompiledCourse[];
  let exampleApp: Hono;
  beforeAll(async () => {
    const { logger } = captureLogger();
    example = await loadCatalogue(resolve(import.meta.dirname, '../../courses'), logger);
    exampleApp = createApp({ catalogue: example, distDir: dist, logger, database });
  });

  it('compiles and is listed', async () => {
    expect(example.length).toBeGreaterThan(0);
    const body = (await (await exampleApp.request('/api/v1/courses')).json()) as Catalogue;
    expect(body.courses.map((c) => c.id)).toEqual(
      example
        .map((c) => c.entry)
        .sort((a, b) => a.title.localeCompare(b.title, 'nb'))
        .map((e) => e.id),
    );
  });

  it('serves each bundle and every media file it lists', async () => {
    for (const { bundle, json } of example) {
      const res = await exampleApp.request(bundleUrl(bundle.id));
      expect(await res.text()).toBe(json);
      for (const media of bundle.media) {
        const file = await exampleApp.request(media.url);
        expect(file.status, media.url).toBe(200);
        expect(file.headers.get('Content-Type')).toBe(media.type);
        expect(file.headers.get('Content-Length')).toBe(String(media.bytes));
      }
    }
  });
});
