// `courses:check` warns about a lesson outline a screen reader cannot follow: a heading that skips
// a level (the lesson title is the page's h1, so the body starts at `##`), a second `#`, a bold
// paragraph standing in for a heading, and any heading in a quiz introduction. Warnings keep the
// course and the exit code; the shipped catalogue has none.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/content';
import { checkCourses } from '../../src/content/check-courses';
import { writeCourse } from '../utils/course-fixture';
import { compileFixture, tempRoot } from './helpers';

/** The warnings of a one-lesson course whose body is `lines` (body line 1 is file line 10). */
const warningsFor = async (lines: string[], kind: 'reading' | 'quiz' = 'reading') => {
  const result = await compileFixture({
    id: 'outline',
    lessons: [{ id: 'a', kind, body: `${lines.join('\n')}\n` }],
  });
  expect(result.errors).toEqual([]);
  expect(result.course).toBeDefined();
  return result.warnings.map((warning) => ({
    at: `${warning.file}:${warning.line}`,
    message: warning.message,
  }));
};

const FIRST_BODY_LINE = 10;

describe('outline warnings', () => {
  it('a body that starts at ## and steps down one level at a time has none', async () => {
    expect(
      await warningsFor(['## One', '', 'Text.', '', '### One a', '', '## Two', '', 'Text.']),
    ).toEqual([]);
  });

  it('a first heading of ### warns at its line', async () => {
    const result = await compileFixture({
      id: 'outline',
      lessons: [{ id: 'a', body: 'Intro.\n\n### Too deep\n\nText.\n' }],
    });
    expect(result.course).toBeDefined();
    expect(result.warnings).toEqual([
      {
        file: result.at('01-a.md'),
        line: FIRST_BODY_LINE + 2,
        message: 'heading "###" skips a level: the first heading in a lesson is "##"',
      },
    ]);
  });

  it('a jump from ## to #### warns; going back up does not', async () => {
    const warnings = await warningsFor(['## A', '', '#### B', '', '## C', '', '### D']);
    expect(warnings.map((w) => [w.at.split(':').at(-1), w.message])).toEqual([
      [`${FIRST_BODY_LINE + 2}`, 'heading "####" skips a level after "##": use "###"'],
    ]);
  });

  it('a # heading in the body repeats the title level', async () => {
    const [warning, ...rest] = await warningsFor(['# Second title', '', 'Text.']);
    expect(rest).toEqual([]);
    expect(warning?.message).toMatch(/^heading "#" is the lesson title's level/);
  });

  it('a paragraph of only bold text warns; bold at the start of a sentence does not', async () => {
    const warnings = await warningsFor([
      '**Three threats**',
      '',
      '**Ransomware.** A click can lock every file.',
      '',
      '- **Bold in a list** is fine',
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.at).toMatch(new RegExp(`:${FIRST_BODY_LINE}$`));
    expect(warnings[0]!.message).toMatch(/^"Three threats" is a paragraph of only bold text/);
  });

  it('a quiz introduction can hold no heading: ## is a question, deeper skips', async () => {
    const warnings = await warningsFor(
      [
        'A short quiz.',
        '',
        '### About this quiz',
        '',
        '## Is this right? {#q1}',
        '',
        '- [x] Yes',
        '  > Because it is.',
        '- [ ] No',
        '  > Because it is not.',
      ],
      'quiz',
    );
    expect(warnings.map((w) => w.message)).toEqual([
      'heading "###" skips a level: the first heading in a lesson is "##"',
    ]);
  });
});

describe('courses:check with warnings', () => {
  it('prints file:line: warning: and still exits 0', async () => {
    const root = await tempRoot();
    const dir = await writeCourse(root, {
      id: 'warned',
      lessons: [{ id: 'a', body: '### Deep\n\nText.\n' }],
    });
    const out: string[] = [];
    const code = await checkCourses(root, (line) => out.push(line));
    expect(code).toBe(0);
    expect(out[0]).toBe(
      `${path.relative(process.cwd(), path.join(dir, '01-a.md'))}:${FIRST_BODY_LINE}: warning: heading "###" skips a level: the first heading in a lesson is "##"`,
    );
    expect(out.at(-1)).toBe('1 course, 1 lesson: OK (1 warning)');
  });

  it('exits 1 on errors even with warnings, and prints both', async () => {
    const root = await tempRoot();
    await writeCourse(root, {
      id: 'broken',
      lessons: [{ id: 'a', body: '### Deep\n\n<div>html</div>\n' }],
    });
    const out: string[] = [];
    const code = await checkCourses(root, (line) => out.push(line));
    expect(code).toBe(1);
    expect(out.filter((line) => line.includes(': warning: '))).toHaveLength(1);
    expect(out.at(-1)).toBe('1 error in 1 of 1 course (1 warning)');
  });

  it('the real process prints the warning and exits 0', { timeout: 60_000 }, async () => {
    const root = await tempRoot();
    await writeCourse(root, { id: 'warned', lessons: [{ id: 'a', body: '**Bold only**\n' }] });
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile('npx', ['tsx', 'src/content/cli.ts', root], (error, stdout) => {
        resolve({ code: error ? Number(error.code) : 0, stdout });
      });
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/01-a\.md:10: warning: "Bold only" is a paragraph of only bold/);
  });
});

describe('the shipped catalogue', () => {
  it('has no outline warnings', { timeout: 60_000 }, async () => {
    const { failures, warnings } = await compileCatalogue('courses');
    expect(failures.flatMap((failure) => failure.errors)).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
