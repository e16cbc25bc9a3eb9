// Serving media by the real path: a listed media file swapped for a symbolic link (or a folder
// swapped for a linked one) after the course was compiled is not served when the link leads out
// of the course's media/ folder, and is served when it stays inside (issue 12, part 7).
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content';
import { createApp } from '../../src/server/app';
import { loadCatalogue } from '../../src/server/catalogue';
import { openTestDatabase } from '../utils/test-database';
import { makeTempRoot, TINY_PNG, writeCourse } from '../utils/course-fixture';
import { bytesOf, captureLogger, makeDist, removeTemp, type LogLine } from './support';

const database = await openTestDatabase();
afterAll(() => database.close());

const SECRET = 'SECRET-FILE-CONTENT the server can read but must never serve';

let root: string;
let dir: string;
let outside: string;
let course: CompiledCourse;
let lines: LogLine[];
let app: Hono;

beforeAll(async () => {
  root = await makeTempRoot();
  dir = await writeCourse(root, {
    id: 'lenker',
    lessons: [
      {
        id: 'bilder',
        body: [
          '![One](media/en.png)',
          '![Two](media/mappe/to.png)',
          '![Three](media/tre.png)',
          '![Four](media/fire.png)',
        ].join('\n\n'),
      },
    ],
    files: {
      'media/en.png': TINY_PNG,
      'media/mappe/to.png': TINY_PNG,
      'media/tre.png': TINY_PNG,
      'media/fire.png': TINY_PNG,
    },
  });
  outside = join(root, 'utenfor');
  await mkdir(outside);
  await writeFile(join(outside, 'to.png'), SECRET);
  await writeFile(join(outside, 'hemmelig.png'), SECRET);
  const captured = captureLogger();
  lines = captured.lines;
  const courses = await loadCatalogue(root, captured.logger);
  expect(courses.map((c) => c.bundle.id)).toEqual(['lenker']);
  course = courses[0];
  app = createApp({
    catalogue: courses,
    distDir: join(root, 'no-dist'),
    logger: captured.logger,
    database,
  });
});
afterAll(() => removeTemp(root));

const urlOf = (path: string) => course.bundle.media.find((m) => m.path === path)!.url;

describe('media served by the real path', () => {
  it('serves a listed file as compiled', async () => {
    const res = await app.request(urlOf('media/en.png'));
    expect(res.status).toBe(200);
    expect(await bytesOf(res)).toEqual(Buffer.from(TINY_PNG));
  });

  it('refuses a listed file replaced by a link to a file outside media/', async () => {
    // Read it once first, so a cached copy cannot hide the swap.
    expect((await app.request(urlOf('media/en.png'))).status).toBe(200);
    await rm(join(dir, 'media/en.png'));
    await symlink(join(outside, 'hemmelig.png'), join(dir, 'media/en.png'));
    const res = await app.request(urlOf('media/en.png'));
    const body = await res.text();
    expect(res.status).toBe(404);
    expect(body).not.toContain('SECRET');
    expect(JSON.parse(body)).toMatchObject({ error: 'media_not_found' });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'media file leads outside the media folder' }),
    );
  });

  it('refuses a listed file whose folder was replaced by a link to a folder outside', async () => {
    await rename(join(dir, 'media/mappe'), join(root, 'gammel-mappe'));
    await symlink(outside, join(dir, 'media/mappe'));
    const res = await app.request(urlOf('media/mappe/to.png'));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('refuses a link to a course file beside media/', async () => {
    await rm(join(dir, 'media/tre.png'));
    await symlink(join(dir, 'course.md'), join(dir, 'media/tre.png'));
    const res = await app.request(urlOf('media/tre.png'));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('title:');
  });

  it('serves a link that stays inside media/', async () => {
    await rm(join(dir, 'media/fire.png'));
    await writeFile(join(dir, 'media/ekte.png'), TINY_PNG);
    await symlink('ekte.png', join(dir, 'media/fire.png'));
    const res = await app.request(urlOf('media/fire.png'));
    expect(res.status).toBe(200);
    expect(await bytesOf(res)).toEqual(Buffer.from(TINY_PNG));
  });
});

describe('the built app served by the real path', () => {
  it('refuses a file of dist/ that is a link to a file outside dist/, and serves one inside', async () => {
    const dist = await makeDist();
    try {
      await symlink(join(outside, 'hemmelig.png'), join(dist, 'assets/lekk-Ab12Cd34.js'));
      await symlink('index-ABC123.js', join(dist, 'assets/alias-Ab12Cd34.js'));
      const distApp = createApp({
        catalogue: [],
        distDir: dist,
        logger: captureLogger().logger,
        database,
      });
      const leak = await distApp.request('/assets/lekk-Ab12Cd34.js');
      expect(leak.status).toBe(404);
      expect(await leak.text()).not.toContain('SECRET');
      const alias = await distApp.request('/assets/alias-Ab12Cd34.js');
      expect(alias.status).toBe(200);
      expect(await alias.text()).toContain('lesson0');
    } finally {
      await removeTemp(dist);
    }
  });
});
