// `npm run courses:check` as an author runs it: a real process, its output and its exit code.
import { execFile } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCourse } from '../utils/course-fixture';
import { tempRoot } from './helpers';

const run = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('npx', ['tsx', 'src/content/cli.ts', ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });

const example = path.resolve('courses/eksempel-trygg-epost');
const lineOf = (text: string, needle: string) => text.split('\n').indexOf(needle) + 1;

describe('courses:check', { timeout: 60_000 }, () => {
  it('passes the example course, given as a course folder', async () => {
    const result = await run('courses/eksempel-trygg-epost');
    expect(result).toEqual({ code: 0, stdout: '1 course, 4 lessons: OK\n', stderr: '' });
  });

  it('passes the courses folder and its topics by default', async () => {
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+ courses?, \d+ lessons?, \d+ topics?: OK\n$/);
  });

  it('counts every course of a catalogue', async () => {
    const root = await tempRoot();
    await writeCourse(root, { id: 'one', lessons: [{ id: 'a' }, { id: 'b' }] });
    await writeCourse(root, { id: 'two', lessons: [{ id: 'a', kind: 'reflection' }] });
    const result = await run(root);
    expect(result).toEqual({ code: 0, stdout: '2 courses, 3 lessons: OK\n', stderr: '' });
  });

  it('lists every error of a broken copy of the example as file:line: message', async () => {
    const dir = path.join(await tempRoot(), 'broken');
    await cp(example, dir, { recursive: true });
    const edit = async (file: string, change: (text: string) => string) => {
      const text = await readFile(path.join(dir, file), 'utf8');
      await writeFile(path.join(dir, file), change(text));
      return change(text);
    };
    await edit('course.md', (text) => text.replace('language: nb', 'language: sv'));
    await rm(path.join(dir, 'media', 'varselsignaler.svg'));
    const reading = await readFile(path.join(dir, '01-kjenn-igjen-falsk-epost.md'), 'utf8');
    const image = reading.split('\n').findIndex((line) => line.startsWith('![')) + 1;
    const quiz = await edit('02-test-deg-selv.md', (text) =>
      text.replace(/(- \[ \] Svarer på e-posten[^\n]*\n)( {2}>[^\n]*\n)+/, '$1'),
    );
    const reflection = await edit(
      '04-var-rutine.md',
      (text) => `${text}\n<script>alert(1)</script>\n`,
    );

    const result = await run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    const at = (file: string, line: number) =>
      `${path.relative(process.cwd(), path.join(dir, file))}:${line}: `;
    expect(lines.slice(0, -1).map((line) => line.replace(/: .*$/, ': '))).toEqual([
      at('course.md', 5),
      at('01-kjenn-igjen-falsk-epost.md', image),
      at('02-test-deg-selv.md', lineOf(quiz, '- [ ] Svarer på e-posten og spør om den er ekte.')),
      at('04-var-rutine.md', lineOf(reflection, '<script>alert(1)</script>')),
    ]);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^.+:\d+: .+$/);
    expect(lines.at(-1)).toBe('4 errors in 1 of 1 course');
  });

  it('exits 2 with a clear message when the folder does not exist', async () => {
    const result = await run('no/such/folder');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'courses:check: cannot read "no/such/folder": no such folder\n',
    });
  });

  it('exits 1 when a folder holds no course', async () => {
    const root = await tempRoot();
    const result = await run(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('no courses found');
  });
});
