// Courses that stay true: a lesson's change log (`changes`), the work a checklist asks for
// (`task_minutes`), and how often a course's facts must be checked again (`review_every_months`,
// `npm run courses:stale`). Lesson fixtures put extra fields on line 8 (test/utils/course-fixture.ts).
import { describe, expect, it } from 'vitest';
import { checkStale } from '../../src/content/check-stale';
import { addMonths, staleLessons } from '../../src/content/freshness';
import type { ChecklistLesson } from '../../src/shared/course';
import { newestChange } from '../../src/shared/course';
import { writeCourse } from '../utils/course-fixture';
import { compileFixture, tempRoot } from './helpers';

const error = (file: string, line: number, message: RegExp) => ({
  file,
  line,
  message: expect.stringMatching(message),
});

const withChanges = (changes: unknown) =>
  compileFixture({ id: 'c', lessons: [{ id: 'l', file: '01-l.md', frontMatter: { changes } }] });

describe('changes: a lesson’s change log', () => {
  it('is carried into the bundle, newest first; a lesson without changes has no key', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [
        {
          id: 'changed',
          frontMatter: {
            changes: [
              { date: '2026-12-02', summary: 'E-faktura mellom bedrifter er vedtatt.' },
              { date: '2026-06-01', summary: 'Ny kilde.' },
            ],
          },
        },
        { id: 'same' },
      ],
    });
    const [changed, same] = result.course!.bundle.lessons;
    expect(changed!.changes).toEqual([
      { date: '2026-12-02', summary: 'E-faktura mellom bedrifter er vedtatt.' },
      { date: '2026-06-01', summary: 'Ny kilde.' },
    ]);
    expect(newestChange(changed!)?.date).toBe('2026-12-02');
    expect(same).not.toHaveProperty('changes');
    expect(newestChange(same!)).toBeUndefined();
  });

  it('reports a change dated in the future at its line', async () => {
    const result = await withChanges([{ date: '2999-01-01', summary: 'Not yet.' }]);
    expect(result.errors).toEqual([
      error(result.at('01-l.md'), 8, /^field "changes\[1\]\.date" must not be in the future/),
    ]);
  });

  it('reports a summary over 160 characters, and an empty one', async () => {
    const result = await withChanges([
      { date: '2026-11-01', summary: 'x'.repeat(200) },
      { date: '2026-10-01', summary: ' ' },
    ]);
    expect(result.errors).toEqual([
      error(
        result.at('01-l.md'),
        8,
        /^field "changes\[1\]\.summary" must be at most 160 characters/,
      ),
      error(result.at('01-l.md'), 8, /^field "changes\[2\]\.summary" must not be empty/),
    ]);
  });

  it('accepts a summary of exactly 160 characters', async () => {
    const result = await withChanges([{ date: '2026-11-01', summary: 'y'.repeat(160) }]);
    expect(result.errors).toEqual([]);
  });

  it('reports changes that are not newest first, and a date that is not a real day', async () => {
    const result = await withChanges([
      { date: '2026-01-01', summary: 'Older.' },
      { date: '2026-06-01', summary: 'Newer, listed below.' },
      { date: '2026-02-30', summary: 'No such day.' },
    ]);
    expect(result.errors).toEqual([
      error(
        result.at('01-l.md'),
        8,
        /^field "changes\[3\]\.date" must be a date like 2026-11-27 \(2026-02-30 is not a real date\)/,
      ),
      error(
        result.at('01-l.md'),
        8,
        /^field "changes\[2\]\.date" must not be newer than the change above it \(2026-01-01\)/,
      ),
    ]);
  });

  it('reports an unknown field in a change and a change list that is not a list', async () => {
    const unknown = await withChanges([{ date: '2026-01-01', summary: 'S', by: 'me' }]);
    expect(unknown.errors).toEqual([
      error(unknown.at('01-l.md'), 8, /^unknown field "changes\[1\]\.by"$/),
    ]);
    const notList = await withChanges('yesterday');
    expect(notList.errors).toEqual([
      error(notList.at('01-l.md'), 8, /^field "changes" must be a list of changes/),
    ]);
  });
});

describe('task_minutes: the work a checklist asks for', () => {
  const checklist = (task: unknown) =>
    compileFixture({
      id: 'c',
      lessons: [
        { id: 'l', file: '01-l.md', kind: 'checklist', frontMatter: { task_minutes: task } },
      ],
    });

  it('reads one figure or a range into { from, to }', async () => {
    const range = await checklist('30-60');
    expect((range.course!.bundle.lessons[0] as ChecklistLesson).taskMinutes).toEqual({
      from: 30,
      to: 60,
    });
    const one = await checklist(45);
    expect((one.course!.bundle.lessons[0] as ChecklistLesson).taskMinutes).toEqual({
      from: 45,
      to: 45,
    });
  });

  it.each([['60-30'], ['0'], ['lang tid'], [601]])('reports %s at its line', async (task) => {
    const result = await checklist(task);
    expect(result.errors).toEqual([
      error(result.at('01-l.md'), 8, /^field "task_minutes" must be whole minutes of work/),
    ]);
  });

  it('reports task_minutes on a lesson that is not a checklist', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [{ id: 'l', file: '01-l.md', frontMatter: { task_minutes: 30 } }],
    });
    expect(result.errors).toEqual([
      error(result.at('01-l.md'), 8, /^field "task_minutes" is only used by checklist lessons/),
    ]);
  });
});

describe('freshness: review_every_months and courses:stale', () => {
  it('adds months by the calendar, ending a short month on its last day', () => {
    expect(addMonths('2026-05-15', 6)).toBe('2026-11-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-12-02', 12)).toBe('2027-12-02');
  });

  it('reports a review interval outside 1–36 months at its line in course.md', async () => {
    const result = await compileFixture({ id: 'c', meta: { review_every_months: 0 } });
    expect(result.errors).toEqual([
      error(
        result.at('course.md'),
        9,
        /^field "review_every_months" must be a whole number of months from 1 to 36$/,
      ),
    ]);
  });

  it('finds the lessons past due: checked + the course’s months before today, default 6', async () => {
    const lessons = [
      { id: 'old', frontMatter: { checked: '2025-12-01' } },
      { id: 'new', frontMatter: { checked: '2026-11-27' } },
    ];
    const six = (await compileFixture({ id: 'c', lessons })).course!;
    expect(six.reviewEveryMonths).toBe(6);
    // Due on 2026-06-01: past due from the day after.
    expect(staleLessons(six, '2026-06-01')).toEqual([]);
    expect(staleLessons(six, '2026-06-02').map((l) => [l.lessonId, l.due, l.line])).toEqual([
      ['old', '2026-06-01', 7],
    ]);
    const yearly = (await compileFixture({ id: 'c', meta: { review_every_months: 12 }, lessons }))
      .course!;
    expect(staleLessons(yearly, '2026-06-02')).toEqual([]);
  });

  it('courses:stale lists each stale lesson as file:line and exits 1; none past due exits 0', async () => {
    const root = await tempRoot();
    await writeCourse(root, {
      id: 'fresh',
      lessons: [{ id: 'a', frontMatter: { checked: '2026-11-27' } }],
    });
    await writeCourse(root, {
      id: 'stale',
      lessons: [
        { id: 'b', frontMatter: { checked: '2025-11-27' } },
        { id: 'c', frontMatter: { checked: '2026-11-27' } },
      ],
    });
    const lines: string[] = [];
    expect(await checkStale(root, '2026-12-02', (line) => lines.push(line))).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /stale\/01-b\.md:7: checked 2025-11-27, due for a new check since 2026-05-27 \(every 6 months\)$/,
      ),
      '1 lesson in 1 of 2 courses past due on 2026-12-02: check them against their sources and update "checked"',
    ]);

    const fresh: string[] = [];
    expect(await checkStale(root, '2026-05-27', (line) => fresh.push(line))).toBe(0);
    expect(fresh).toEqual([
      '2 courses, 3 lessons: none past due on 2026-05-27 (next due 2026-05-27)',
    ]);
  });

  it('courses:stale exits 2 for a folder it cannot read', async () => {
    const errors: string[] = [];
    expect(
      await checkStale(
        'no/such/folder',
        '2026-12-02',
        () => {},
        (e) => errors.push(e),
      ),
    ).toBe(2);
    expect(errors).toEqual(['courses:stale: cannot read "no/such/folder": no such folder']);
  });
});
