// Lesson `sources` and `checked` (required) and course `translations` (optional, checked across
// the catalogue): each error names the exact file and line, and the bundle carries the new fields.
// Fixture layout: lesson `sources` on line 6, `checked` on line 7, the body on line 10; extra
// course.md fields from line 9 (see test/utils/course-fixture.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalogue, compileCourse } from '../../src/content';
import { checkedDateProblem } from '../../src/content/front-matter-schemas';
import {
  DEFAULT_CHECKED,
  DEFAULT_LESSON_SOURCES,
  writeCourse,
  type LessonFixture,
} from '../utils/course-fixture';
import { compileFixture, tempRoot } from './helpers';

const error = (file: string, line: number, message: string | RegExp) => ({
  file,
  line,
  message: typeof message === 'string' ? message : expect.stringMatching(message),
});

/** Compiles a course with one lesson `01-l.md` that must fail; returns its errors. */
const lessonErrors = async (lesson: Partial<LessonFixture>) => {
  const result = await compileFixture({
    id: 'c',
    lessons: [{ id: 'l', file: '01-l.md', ...lesson }],
  });
  expect(result.course).toBeUndefined();
  return { errors: result.errors, lesson: result.at('01-l.md') };
};

/** A lesson file with block-style sources, as an author writes it. */
const rawLesson = (...fields: string[]) =>
  [
    '---',
    'id: l',
    'title: L',
    'kind: reading',
    'minutes: 2',
    ...fields,
    '---',
    '',
    'Text.',
    '',
  ].join('\n');

const isoDay = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe('lesson sources', () => {
  it('reports a lesson without sources at the front matter line', async () => {
    const { errors, lesson } = await lessonErrors({ frontMatter: { sources: undefined } });
    expect(errors).toEqual([
      error(lesson, 1, 'lesson has no sources: add "sources:" with title and url'),
    ]);
  });

  it('reports an empty list and a list that is not a list, at the sources line', async () => {
    const empty = await lessonErrors({ frontMatter: { sources: [] } });
    expect(empty.errors).toEqual([
      error(empty.lesson, 6, /^field "sources" must list at least one source/),
    ]);
    const text = await lessonErrors({ frontMatter: { sources: 'nettvett.no' } });
    expect(text.errors).toEqual([
      error(text.lesson, 6, /^field "sources" must be a list of sources/),
    ]);
  });

  it('reports an http:// url, a missing url and an empty title at their own lines', async () => {
    const { errors, lesson } = await lessonErrors({
      raw: rawLesson(
        'sources:',
        '  - title: Fine',
        '    url: https://nettvett.no',
        '  - title: Plain http',
        '    url: http://nettvett.no',
        '  - title: No address',
        '  - title: ""',
        '    url: https://norsis.no',
        '  - title: Not a web page',
        '    url: mailto:post@example.org',
        'checked: 2026-11-01',
      ),
    });
    expect(errors).toEqual([
      error(lesson, 10, /^field "sources\[2\]\.url" must be a secure web address .*https:\/\//),
      error(lesson, 11, /^missing field "sources\[3\]\.url"$/),
      error(lesson, 12, /^field "sources\[4\]\.title" must not be empty$/),
      error(lesson, 15, /^field "sources\[5\]\.url" must be a secure web address/),
    ]);
  });

  it('reports an unknown field inside a source', async () => {
    const { errors, lesson } = await lessonErrors({
      frontMatter: { sources: [{ title: 'T', url: 'https://example.org', link: 'x' }] },
    });
    expect(errors).toEqual([error(lesson, 6, /^unknown field "sources\[1\]\.link"$/)]);
  });
});

describe('lesson checked date', () => {
  it('reports a missing date at the front matter line', async () => {
    const { errors, lesson } = await lessonErrors({ frontMatter: { checked: undefined } });
    expect(errors).toEqual([error(lesson, 1, /^lesson has no "checked" date: add "checked: /)]);
  });

  it('reports a lesson with neither sources nor date twice, both at line 1', async () => {
    const { errors, lesson } = await lessonErrors({
      frontMatter: { sources: undefined, checked: undefined },
    });
    expect(errors).toEqual([
      error(lesson, 1, /^lesson has no sources/),
      error(lesson, 1, /^lesson has no "checked" date/),
    ]);
  });

  it.each([
    ['27.11.2026', /^field "checked" must be a date like 2026-11-27$/],
    ['2026-2-3', /^field "checked" must be a date like 2026-11-27$/],
    ['2026-11-27T10:00', /^field "checked" must be a date like 2026-11-27$/],
    [20261127, /^field "checked" must be a date like 2026-11-27$/],
    ['2026-02-30', /^field "checked" must be a date like 2026-11-27 \(2026-02-30 is not a real/],
    ['2999-01-01', /^field "checked" must not be in the future \(2999-01-01\)/],
  ])('reports checked: %j at its line', async (checked, message) => {
    const { errors, lesson } = await lessonErrors({ frontMatter: { checked } });
    expect(errors).toEqual([error(lesson, 7, message)]);
  });

  it('reports an unquoted bad date in an author-written file at its line', async () => {
    const { errors, lesson } = await lessonErrors({
      raw: rawLesson('sources:', '  - title: T', '    url: https://example.org', 'checked: i går'),
    });
    expect(errors).toEqual([error(lesson, 9, /^field "checked" must be a date like 2026-11-27$/)]);
  });

  it('accepts today and tomorrow (UTC), unquoted as authors write it', async () => {
    for (const day of [isoDay(0), isoDay(1)]) {
      const result = await compileFixture({
        id: 'c',
        lessons: [
          {
            id: 'l',
            raw: rawLesson('sources:', '  - title: T', '    url: https://e.org', `checked: ${day}`),
          },
        ],
      });
      expect(result.errors).toEqual([]);
      expect(result.course?.bundle.lessons[0]?.checked).toBe(day);
    }
  });

  it('checkedDateProblem: real dates up to tomorrow, leap years included', () => {
    const now = new Date('2026-11-27T23:30:00Z');
    expect(checkedDateProblem('2026-11-27', now)).toBeUndefined();
    expect(checkedDateProblem('2026-11-28', now)).toBeUndefined();
    expect(checkedDateProblem('2026-11-29', now)).toMatch(/future/);
    expect(checkedDateProblem('2024-02-29', now)).toBeUndefined();
    expect(checkedDateProblem('2025-02-29', now)).toMatch(/not a real date/);
    expect(checkedDateProblem('2026-13-01', now)).toMatch(/not a real date/);
    expect(checkedDateProblem('2026-00-10', now)).toMatch(/not a real date/);
    expect(checkedDateProblem('26-11-27', now)).toBe('must be a date like 2026-11-27');
  });
});

describe('the bundle', () => {
  it('carries each lesson’s sources and checked date, in every lesson kind', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [
        { id: 'a', kind: 'reading' },
        { id: 'b', kind: 'quiz', frontMatter: { checked: '2025-06-01' } },
        { id: 'c', kind: 'checklist' },
        {
          id: 'd',
          kind: 'reflection',
          advisor: 'Ask.',
          frontMatter: {
            sources: [
              { title: '  Nettvett  ', url: 'https://nettvett.no' },
              { title: 'NorSIS', url: 'https://norsis.no/' },
            ],
          },
        },
      ],
    });
    expect(result.errors).toEqual([]);
    const lessons = result.course!.bundle.lessons;
    expect(lessons.map((lesson) => [lesson.kind, lesson.sources, lesson.checked])).toEqual([
      ['reading', DEFAULT_LESSON_SOURCES, DEFAULT_CHECKED],
      ['quiz', DEFAULT_LESSON_SOURCES, '2025-06-01'],
      ['checklist', DEFAULT_LESSON_SOURCES, DEFAULT_CHECKED],
      [
        'reflection',
        [
          { title: 'Nettvett', url: 'https://nettvett.no' },
          { title: 'NorSIS', url: 'https://norsis.no/' },
        ],
        DEFAULT_CHECKED,
      ],
    ]);
    expect(JSON.parse(result.course!.json).lessons[0]).toMatchObject({
      sources: DEFAULT_LESSON_SOURCES,
      checked: DEFAULT_CHECKED,
    });
  });

  it('has no translations key when course.md has none', async () => {
    const result = await compileFixture({ id: 'c' });
    expect(result.course!.bundle).not.toHaveProperty('translations');
    expect(result.course!.entry).not.toHaveProperty('translations');
    expect(result.course!.json).not.toContain('translations');
  });
});

describe('course translations', () => {
  const catalogue = async (...courses: Parameters<typeof writeCourse>[1][]) => {
    const root = await tempRoot();
    for (const course of courses) await writeCourse(root, course);
    const result = await compileCatalogue(root);
    const courseMd = (folder: string) =>
      path.relative(process.cwd(), path.join(root, folder, 'course.md'));
    return { ...result, courseMd };
  };

  it('compiles an nb ↔ nn pair; both bundles and catalogue entries carry translations', async () => {
    const { courses, failures } = await catalogue(
      { id: 'trygg-epost', meta: { translations: { nn: 'trygg-epost-nn', en: 'safe-email' } } },
      {
        id: 'trygg-epost-nn',
        meta: { language: 'nn', translations: { nb: 'trygg-epost' } },
      },
      { id: 'safe-email', meta: { language: 'en' } },
    );
    expect(failures).toEqual([]);
    const byId = new Map(courses.map((course) => [course.bundle.id, course]));
    const nb = byId.get('trygg-epost')!;
    const nn = byId.get('trygg-epost-nn')!;
    // Written en before nn; stored in LANGUAGES order so the bytes never depend on the author.
    expect(nb.bundle.translations).toEqual({ nn: 'trygg-epost-nn', en: 'safe-email' });
    expect(Object.keys(nb.bundle.translations!)).toEqual(['nn', 'en']);
    expect(nn.bundle.translations).toEqual({ nb: 'trygg-epost' });
    expect(nb.entry.translations).toEqual(nb.bundle.translations);
    expect(nn.entry.translations).toEqual({ nb: 'trygg-epost' });
    expect(JSON.parse(nn.json)).toMatchObject({ translations: { nb: 'trygg-epost' } });
    // A one-way link is fine: safe-email does not link back.
    expect(byId.get('safe-email')!.bundle).not.toHaveProperty('translations');
  });

  it('keeps the hash independent of the order the links are written in', async () => {
    const { courses: first } = await catalogue(
      { id: 'a', meta: { translations: { nn: 'b', en: 'c' } } },
      { id: 'b', meta: { language: 'nn' } },
      { id: 'c', meta: { language: 'en' } },
    );
    const { courses: second } = await catalogue(
      { id: 'a', meta: { translations: { en: 'c', nn: 'b' } } },
      { id: 'b', meta: { language: 'nn' } },
      { id: 'c', meta: { language: 'en' } },
    );
    expect(second[0]!.json).toBe(first[0]!.json);
  });

  it('reports a link to a course that is not in the catalogue, at the translations line', async () => {
    const { courses, failures, courseMd } = await catalogue(
      { id: 'a', meta: { translations: { nn: 'missing' } } },
      { id: 'b' },
    );
    expect(courses.map((course) => course.bundle.id)).toEqual(['b']);
    expect(failures.map((failure) => failure.errors)).toEqual([
      [error(courseMd('a'), 9, /^"translations\.nn" links to course "missing", which is not in /)],
    ]);
  });

  it('reports a link to a course in another language', async () => {
    const { failures, courseMd } = await catalogue(
      { id: 'a', meta: { translations: { nn: 'b' } } },
      { id: 'b', meta: { language: 'en' } },
    );
    expect(failures.map((failure) => failure.errors)).toEqual([
      [error(courseMd('a'), 9, '"translations.nn" links to course "b", which is in en, not nn')],
    ]);
  });

  it('reports a link to the course itself, also when compiling one course', async () => {
    const { failures, courseMd } = await catalogue({
      id: 'a',
      meta: { translations: { nn: 'a' } },
    });
    expect(failures.map((failure) => failure.errors)).toEqual([
      [error(courseMd('a'), 9, /^"translations\.nn" links to this course itself/)],
    ]);
    const single = await compileFixture({ id: 'a', meta: { translations: { nn: 'a' } } });
    expect(single.errors).toEqual([
      error(single.at('course.md'), 9, /links to this course itself/),
    ]);
  });

  it('reports a link under the course’s own language', async () => {
    const { failures, courseMd } = await catalogue(
      { id: 'a', meta: { translations: { nb: 'b' } } },
      { id: 'b' },
    );
    expect(failures.map((failure) => failure.errors)).toEqual([
      [error(courseMd('a'), 9, /^"translations\.nb": this course is already in nb/)],
    ]);
  });

  it('reports each bad link of a block-style map at its own line', async () => {
    const { failures, courseMd } = await catalogue(
      {
        id: 'a',
        courseMd: [
          '---',
          'id: a',
          'title: A',
          'summary: S',
          'language: nb',
          'version: 1',
          'audience: Alle',
          'sources: []',
          'translations:',
          '  nn: b',
          '  en: nowhere',
          '  se: b',
          '---',
        ].join('\n'),
      },
      { id: 'b', meta: { language: 'nn' } },
    );
    expect(failures.map((failure) => failure.errors)).toEqual([
      [
        error(courseMd('a'), 11, /^"translations\.en" links to course "nowhere"/),
        error(
          courseMd('a'),
          12,
          /^"translations\.se" links to course "b", which is in nn, not se$/,
        ),
      ],
    ]);
  });

  it('reports an unknown language and a bad course id with the other front matter errors', async () => {
    const result = await compileFixture({
      id: 'c',
      meta: { translations: { sv: 'c-sv', nn: 'Trygg E-post' } },
    });
    expect(result.errors).toEqual([
      error(result.at('course.md'), 9, /^field "translations\.nn" must be lowercase/),
      error(result.at('course.md'), 9, /^unknown field "translations\.sv"$/),
    ]);
  });

  it('does not check links that need the catalogue when one course is compiled alone', async () => {
    const root = await tempRoot();
    const dir = await writeCourse(root, { id: 'a', meta: { translations: { nn: 'elsewhere' } } });
    const result = await compileCourse(dir);
    expect(result.errors).toEqual([]);
    expect(result.course?.bundle.translations).toEqual({ nn: 'elsewhere' });
  });

  it('links to a course that has errors of its own without a second error', async () => {
    const { courses, failures, courseMd } = await catalogue(
      { id: 'a', meta: { translations: { nn: 'b' } } },
      { id: 'b', meta: { language: 'nn', version: 0 } },
    );
    expect(courses.map((course) => course.bundle.id)).toEqual(['a']);
    expect(failures.map((failure) => failure.errors)).toEqual([
      [error(courseMd('b'), 6, /^field "version" must be 1/)],
    ]);
  });
});
