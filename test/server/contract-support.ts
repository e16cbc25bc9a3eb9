// The app the contract tests drive: the real createApp over a test database, a small catalogue
// compiled by the real compiler (one course with a quiz, a checklist and two media files), a
// low scrypt cost and a clock the test moves.
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Hono } from 'hono';
import type { CompiledCourse } from '../../src/content/types';
import { createApp, type AppOptions } from '../../src/server/app';
import { loadCatalogue } from '../../src/server/catalogue';
import type { Database } from '../../src/server/db/database';
import { createLogger } from '../../src/server/logger';
import { makeTempRoot, TINY_PNG, writeCourse } from '../utils/course-fixture';
import { T0, TEST_PASSWORD_COST, type TestClock } from './account-support';
import { removeTemp } from './support';

/** The id of the fixture course and its files. */
export const FIXTURE_COURSE = 'kurs';
export const FIXTURE_LESSONS = ['lese', 'quiz', 'liste'];
export const FIXTURE_MEDIA = ['bilde.png', 'figurer/diagram.svg'];

const DIAGRAM_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n';

/** Compiles the fixture catalogue into a temp folder; `remove` deletes the folder. */
export async function fixtureCatalogue(): Promise<{
  courses: CompiledCourse[];
  remove(): Promise<void>;
}> {
  const root = await makeTempRoot();
  await writeCourse(root, {
    id: FIXTURE_COURSE,
    meta: { title: 'Kontraktkurs' },
    lessons: [
      {
        id: 'lese',
        minutes: 2,
        body: '![Bilde](media/bilde.png)\n\n![Figur](media/figurer/diagram.svg)\n',
      },
      { id: 'quiz', kind: 'quiz', minutes: 3 },
      { id: 'liste', kind: 'checklist', minutes: 1 },
    ],
    files: { 'media/bilde.png': TINY_PNG, 'media/figurer/diagram.svg': DIAGRAM_SVG },
  });
  const courses = await loadCatalogue(root, createLogger('silent'));
  return { courses, remove: () => removeTemp(root) };
}

/** The real app with the fixture catalogue, a silent log and the test clock. */
export function contractApp(
  database: Database,
  courses: readonly CompiledCourse[],
  clock: TestClock = { now: T0 },
  options: Partial<AppOptions> = {},
): Hono {
  return createApp({
    catalogue: courses,
    distDir: join(tmpdir(), 'lommekurs-contract-tests-no-dist'),
    logger: createLogger('silent'),
    database,
    passwordCost: TEST_PASSWORD_COST,
    now: () => clock.now,
    ...options,
  });
}
