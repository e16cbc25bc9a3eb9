// The rules every course of the starter catalogue keeps (the course-format issue's "rules for
// every lesson"): 5–7 lessons of 3–6 minutes, at most about 700 words of reading, each lesson
// ending in retrieval practice (a quiz or a checklist) except one reflection for the advisor,
// sources and a `checked` date on every lesson, and a language link on every translation.
// Also: docs/courses.md is the generated table of exactly these courses.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/content';
import { catalogueTable } from '../../src/content/catalogue-table';
import { coursesDocument } from '../../src/content/courses-document';
import type { Lesson } from '../../src/shared/course';

// The short format example from the foundation, kept as a demo; the rules are for real courses.
const FORMAT_EXAMPLE = 'eksempel-trygg-epost';

const { courses, failures } = await compileCatalogue('courses');
const starter = courses.filter((c) => c.bundle.id !== FORMAT_EXAMPLE);

const words = (html: string): number =>
  html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;

const readingWords = (lesson: Lesson): number => words(lesson.html);

describe('the course catalogue', () => {
  it('compiles with no errors', () => {
    expect(failures.flatMap((f) => f.errors)).toEqual([]);
  });

  it('docs/courses.md is the table of these courses', async () => {
    expect(await readFile('docs/courses.md', 'utf8')).toBe(
      coursesDocument(catalogueTable(courses)),
    );
  });
});

describe.each(starter.map((c) => [c.bundle.id, c] as const))('course %s', (_id, course) => {
  const { lessons } = course.bundle;

  it('has 5–7 lessons of 3–6 minutes, each at most about 700 words of reading', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(5);
    expect(lessons.length).toBeLessThanOrEqual(7);
    for (const lesson of lessons) {
      expect(lesson.minutes, lesson.id).toBeGreaterThanOrEqual(3);
      expect(lesson.minutes, lesson.id).toBeLessThanOrEqual(6);
      expect(readingWords(lesson), lesson.id).toBeLessThanOrEqual(750);
    }
  });

  it('ends every lesson in retrieval practice, but for one reflection with the advisor', () => {
    const reflections = lessons.filter((l) => l.kind === 'reflection');
    expect(reflections).toHaveLength(1);
    expect(reflections[0]!.kind === 'reflection' && reflections[0]!.advisorHtml).toBeTruthy();
    for (const lesson of lessons.filter((l) => l.kind !== 'reflection')) {
      expect(['quiz', 'checklist'], lesson.id).toContain(lesson.kind);
    }
  });

  it('gives every lesson its sources and the date they were checked', () => {
    for (const lesson of lessons) {
      expect(lesson.sources.length, lesson.id).toBeGreaterThan(0);
      for (const source of lesson.sources) expect(source.url, lesson.id).toMatch(/^https:\/\//);
      expect(lesson.checked, lesson.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('explains every quiz option', () => {
    for (const lesson of lessons) {
      if (lesson.kind !== 'quiz') continue;
      for (const question of lesson.questions) {
        expect(
          question.options.some((o) => o.correct),
          question.id,
        ).toBe(true);
        for (const option of question.options) {
          expect(words(option.explanationHtml), `${question.id}/${option.id}`).toBeGreaterThan(2);
        }
      }
    }
  });

  it('links a translation to its twin in the catalogue', () => {
    const links = Object.entries(course.bundle.translations ?? {});
    if (course.bundle.language !== 'nb') expect(links.length).toBeGreaterThan(0);
    for (const [language, id] of links) {
      const twin = courses.find((c) => c.bundle.id === id);
      expect(twin?.bundle.language, id).toBe(language);
    }
  });
});

describe('the starter catalogue as a whole', () => {
  it('has five Bokmål courses and a Nynorsk twin of one of them', () => {
    expect(starter.filter((c) => c.bundle.language === 'nb')).toHaveLength(5);
    const nynorsk = starter.filter((c) => c.bundle.language === 'nn');
    expect(nynorsk).toHaveLength(1);
    expect(nynorsk[0]!.bundle.translations?.nb).toBeDefined();
  });
});
