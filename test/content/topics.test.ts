// courses/topics.yml, the topics "Hva vil du lære mer om?" offers when a course is finished (issue
// 15): read like a course's front matter, each mistake named by file and line (an unknown field, a
// missing or empty label, an id used twice or not a slug, broken YAML) in one run; checked by
// `courses:check` with the courses; and the list the app is built with is the file's.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import builtTopics from 'virtual:course-topics';
import { checkCourses } from '../../src/content/check-courses';
import { compileTopics, loadTopics, TOPICS_FILE } from '../../src/content/topics';
import { writeCourse } from '../utils/course-fixture';
import { tempRoot } from './helpers';

/** Writes `lines` as a topics file in a fresh catalogue root; returns its path and shown name. */
async function topicsFile(...lines: string[]) {
  const root = await tempRoot();
  const file = path.join(root, TOPICS_FILE);
  await writeFile(file, `${lines.join('\n')}\n`);
  return { root, file, shown: path.relative(process.cwd(), file) };
}

const topic = (id: string, labels = ['Et emne', 'Eit emne', 'A topic']) => [
  `  - id: ${id}`,
  `    nb: ${labels[0]}`,
  `    nn: ${labels[1]}`,
  `    en: ${labels[2]}`,
];

describe('topics.yml', () => {
  it('the courses folder has 10 to 14 topics with slug ids and three labels each', async () => {
    const { topics, errors } = await compileTopics(path.join('courses', TOPICS_FILE));
    expect(errors).toEqual([]);
    expect(topics!.length).toBeGreaterThanOrEqual(10);
    expect(topics!.length).toBeLessThanOrEqual(14);
    expect(new Set(topics!.map((t) => t.id)).size).toBe(topics!.length);
    for (const t of topics!) {
      expect(Object.keys(t).sort()).toEqual(['en', 'id', 'nb', 'nn']);
      expect(t.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
    // The app is built with exactly this list, in its order.
    expect(builtTopics).toEqual(topics);
  });

  it('reads a valid file, trimming the labels', async () => {
    const { file } = await topicsFile(
      'topics:',
      ...topic('a', ['  Et emne ', 'Eit emne', 'Topic']),
    );
    expect(await compileTopics(file)).toEqual({
      topics: [{ id: 'a', nb: 'Et emne', nn: 'Eit emne', en: 'Topic' }],
      errors: [],
    });
  });

  it('names the file and line of an unknown field, a missing label and a repeated id, all at once', async () => {
    const { file, shown } = await topicsFile(
      '# Emner',
      'topics:',
      ...topic('e-faktura'), // lines 3–6
      '  - id: personvern', // line 7
      '    nb: Personvern',
      '    en: Privacy',
      '    fr: Vie privée', // line 10
      ...topic('e-faktura'), // lines 11–14
    );
    const { topics, errors } = await compileTopics(file);
    expect(topics).toBeUndefined();
    expect(errors).toEqual([
      { file: shown, line: 7, message: 'missing field "topics[2].nn"' },
      { file: shown, line: 10, message: 'unknown field "topics[2].fr"' },
      { file: shown, line: 11, message: 'topic id "e-faktura" is already used on line 3' },
    ]);
    // The app's build stops on them, saying the same.
    await expect(loadTopics(file)).rejects.toThrow(
      [
        `${shown}:7: missing field "topics[2].nn"`,
        `${shown}:10: unknown field "topics[2].fr"`,
        `${shown}:11: topic id "e-faktura" is already used on line 3`,
      ].join('\n'),
    );
  });

  it('names the line of an id that is not a slug and of an empty or long label', async () => {
    const { file, shown } = await topicsFile(
      'topics:',
      ...topic('E-faktura'),
      ...topic('ok', ["' '", 'Eit emne', 'x'.repeat(61)]),
    );
    const { errors } = await compileTopics(file);
    expect(errors).toEqual([
      {
        file: shown,
        line: 2,
        message: expect.stringMatching(/^field "topics\[1\]\.id" must be lowercase/),
      },
      { file: shown, line: 7, message: 'field "topics[2].nb" must not be empty' },
      { file: shown, line: 9, message: 'field "topics[2].en" must be at most 60 characters' },
    ]);
  });

  it('names the line of broken YAML, and asks for the list when it is missing', async () => {
    const broken = await topicsFile('topics:', '  - id: a', '    nb: "Et emne', '    nn: Eit emne');
    expect((await compileTopics(broken.file)).errors).toEqual([
      {
        file: broken.shown,
        line: 3,
        message: expect.stringMatching(/^invalid YAML in the file: /),
      },
    ]);
    const empty = await topicsFile('# ingen emner ennå');
    expect((await compileTopics(empty.file)).errors).toEqual([
      { file: empty.shown, line: 1, message: 'missing field "topics": list the topics under it' },
    ]);
    const none = await topicsFile('topics: []');
    expect((await compileTopics(none.file)).errors).toEqual([
      { file: none.shown, line: 1, message: 'field "topics" must list at least one topic' },
    ]);
  });

  it('is checked by courses:check with the courses of its catalogue root', async () => {
    const { root, shown } = await topicsFile('topics:', ...topic('a'), '    se: Fáddá');
    await writeCourse(root, { id: 'one', lessons: [{ id: 'a' }] });
    const out: string[] = [];
    expect(await checkCourses(root, (line) => out.push(line))).toBe(1);
    expect(out).toEqual([`${shown}:6: unknown field "topics[1].se"`, '1 error in topics.yml']);

    await writeFile(path.join(root, TOPICS_FILE), ['topics:', ...topic('a'), ''].join('\n'));
    out.length = 0;
    expect(await checkCourses(root, (line) => out.push(line))).toBe(0);
    expect(out).toEqual(['1 course, 1 lesson, 1 topic: OK']);
  });
});
