import { createHash } from 'node:crypto';
import { cp } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content';
import { BUNDLE_FORMAT, mediaUrl, type QuizLesson } from '../../src/shared/course';
import { tempRoot } from './helpers';

const exampleDir = path.resolve('courses/eksempel-trygg-epost');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the example course', async () => {
  const result = await compileCourse(exampleDir);
  const course = result.course!;

  it('compiles without errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.dir).toBe(exampleDir);
    expect(course.dir).toBe(exampleDir);
  });

  it('has the course metadata from course.md', () => {
    expect(course.bundle).toMatchObject({
      format: BUNDLE_FORMAT,
      id: 'eksempel-trygg-epost',
      language: 'nb',
      version: 2,
    });
    expect(course.bundle.sources.length).toBeGreaterThan(0);
    for (const source of course.bundle.sources) expect(source.url).toMatch(/^https:\/\//);
  });

  it('names sources from course.md and the day they were checked in every lesson', () => {
    const courseUrls = course.bundle.sources.map((source) => source.url);
    for (const lesson of course.bundle.lessons) {
      expect(lesson.checked).toBe('2026-12-02');
      expect(lesson.sources.length).toBeGreaterThan(0);
      for (const source of lesson.sources) {
        expect(source.url).toMatch(/^https:\/\//);
        expect(courseUrls).toContain(source.url);
        expect(course.bundle.sources).toContainEqual(source);
      }
    }
    expect(course.bundle).not.toHaveProperty('translations');
  });

  it('has one lesson of each kind, in file order, each 2–4 minutes', () => {
    const lessons = course.bundle.lessons;
    expect(lessons.map((lesson) => [lesson.id, lesson.kind])).toEqual([
      ['kjenn-igjen-falsk-epost', 'reading'],
      ['test-deg-selv', 'quiz'],
      ['sjekkliste-for-fakturaer', 'checklist'],
      ['var-rutine', 'reflection'],
    ]);
    for (const lesson of lessons) {
      expect(lesson.minutes).toBeGreaterThanOrEqual(2);
      expect(lesson.minutes).toBeLessThanOrEqual(4);
    }
    expect(course.bundle.minutes).toBe(lessons.reduce((sum, lesson) => sum + lesson.minutes, 0));
  });

  it('has a quiz with one single-answer and one two-answer question, all explained', () => {
    const quiz = course.bundle.lessons[1] as QuizLesson;
    expect(quiz.questions.map((question) => [question.id, question.multiple])).toEqual([
      ['sperret-konto', false],
      ['nytt-kontonummer', true],
    ]);
    // Options without {#id} are named by position.
    expect(quiz.questions[0]!.options.map((option) => option.id)).toEqual(['a', 'b', 'c']);
    expect(quiz.questions[1]!.options.filter((option) => option.correct)).toHaveLength(2);
    for (const option of quiz.questions.flatMap((question) => question.options)) {
      expect(option.html).not.toBe('');
      expect(option.explanationHtml).toMatch(/^<p>/);
    }
    // The {#id} markers are gone from the text.
    expect(course.json).not.toContain('{#');
  });

  it('has a checklist and a reflection with an advisor suggestion', () => {
    const [, , checklist, reflection] = course.bundle.lessons;
    expect(checklist?.kind === 'checklist' && checklist.items.map((item) => item.id)).toEqual([
      'kjent-bestilling',
      'samme-kontonummer',
      'ring-ved-endring',
      'to-godkjenner',
    ]);
    expect(reflection?.kind === 'reflection' && reflection.advisorHtml).toContain('næringshagen');
  });

  it('lists its image with size and type, and points the <img> at the media URL', () => {
    const file = path.join(exampleDir, 'media/varselsignaler.svg');
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    const url = `${mediaUrl('eksempel-trygg-epost', 'media/varselsignaler.svg')}?v=${digest.slice(0, 16)}`;
    expect(course.bundle.media).toEqual([
      {
        path: 'media/varselsignaler.svg',
        url,
        bytes: statSync(file).size,
        type: 'image/svg+xml',
        sha256: digest,
      },
    ]);
    expect(course.bundle.media[0]!.bytes).toBeGreaterThan(100);
    expect(course.bundle.lessons[0]!.html).toContain(`<img src="${url}" alt="`);
    expect(course.entry.mediaBytes).toBe(course.bundle.media[0]!.bytes);
  });

  it('serves JSON whose hash is sha256 of itself with the hash blanked', () => {
    expect(JSON.parse(course.json)).toEqual(course.bundle);
    expect(course.bundle.hash).toMatch(/^[0-9a-f]{64}$/);
    const blanked = JSON.stringify({ ...JSON.parse(course.json), hash: '' });
    expect(sha256(blanked)).toBe(course.bundle.hash);
    expect(course.bytes).toBe(Buffer.byteLength(course.json));
  });

  it('has a catalogue entry matching the bundle', () => {
    expect(course.entry).toEqual({
      id: course.bundle.id,
      title: course.bundle.title,
      summary: course.bundle.summary,
      language: course.bundle.language,
      version: course.bundle.version,
      audience: course.bundle.audience,
      sources: course.bundle.sources,
      hash: course.bundle.hash,
      lessonCount: 4,
      lessonIds: course.bundle.lessons.map((lesson) => lesson.id),
      minutes: course.bundle.minutes,
      bundleBytes: course.bytes,
      mediaBytes: course.bundle.media[0]!.bytes,
    });
  });

  it('gives the same bytes and hash when compiled again, from another folder', async () => {
    const copy = path.join(await tempRoot(), 'elsewhere');
    await cp(exampleDir, copy, { recursive: true });
    const again = await compileCourse(copy);
    expect(again.course?.json).toBe(course.json);
    expect(again.course?.bundle.hash).toBe(course.bundle.hash);
  });
});
