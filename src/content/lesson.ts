// Compiles one lesson file (`NN-<slug>.md`) into a Lesson: front matter, the checks every body
// gets, then the structure of its kind. Reports everything it can find, even when the front matter
// is broken, so an author fixes a file in one pass.
import { readFile } from 'node:fs/promises';
import type { RootContent } from 'mdast';
import { LESSON_KINDS, type CourseLanguage, type Lesson } from '../shared/course';
import { idSchema } from './front-matter-schemas';
import { checkBody } from './body-checks';
import { readChecklist } from './checklist';
import type { ErrorList, Report } from './errors';
import { readFrontMatter, validateFrontMatter } from './front-matter';
import { LESSON_MISSING_MESSAGES, lessonFrontMatterSchema } from './front-matter-schemas';
import { HtmlRenderer, isDefinition, parseMarkdown } from './markdown';
import type { MediaCollector } from './media';
import { countWords, textOf } from './mdast-tools';
import { checkOutline } from './outline-checks';
import { readQuiz } from './quiz';

/** Longest lesson, in words: a lesson is read in a few minutes on a phone. */
export const MAX_LESSON_WORDS = 1200;

/** What a lesson compiles against: its course's language, media and error list. */
export interface LessonContext {
  language: CourseLanguage;
  media: MediaCollector;
  errors: ErrorList;
}

/** A compiled lesson, or as much of it as could be read (`id` for the duplicate check). */
export interface LessonResult {
  lesson?: Lesson;
  id?: string;
  /** Line of the `id` key, where a duplicate lesson id is reported. */
  idLine: number;
  /** Line of the `checked` key, where a lesson due for a new check is reported. */
  checkedLine: number;
}

/** Compiles the lesson file `file` (absolute path). */
export const compileLesson = async (
  file: string,
  context: LessonContext,
): Promise<LessonResult> => {
  const report = context.errors.for(file);
  const frontMatter = readFrontMatter(await readFile(file, 'utf8'), report);
  const meta = validateFrontMatter(
    frontMatter,
    lessonFrontMatterSchema,
    report,
    LESSON_MISSING_MESSAGES,
  );
  const raw = frontMatter.data ?? {};
  // Used even when other fields are wrong, so the body still gets its kind's checks.
  const kind = LESSON_KINDS.find((known) => known === raw.kind);
  const id = idSchema.safeParse(raw.id).data;
  const kindLine = frontMatter.lineOf(['kind']);
  if (raw.advisor !== undefined && kind !== undefined && kind !== 'reflection') {
    report(frontMatter.lineOf(['advisor']), 'field "advisor" is only used by reflection lessons');
  }
  if (raw.task_minutes !== undefined && kind !== undefined && kind !== 'checklist') {
    report(
      frontMatter.lineOf(['task_minutes']),
      'field "task_minutes" is only used by checklist lessons: the work their list asks for',
    );
  }

  const tree = parseMarkdown(frontMatter.body);
  await checkBody(tree, report, context.media);
  checkOutline(tree, context.errors.warnFor(file));
  const content = tree.children.filter((node) => !isDefinition(node));
  const render = new HtmlRenderer(tree.children.filter(isDefinition), context.language);
  const requireText = (what: string): void => {
    if (!content.some(hasText)) report(kindLine, `${what}: write it below the front matter`);
  };

  let lesson: Lesson | undefined;
  const base = meta && {
    id: meta.id,
    title: meta.title,
    minutes: meta.minutes,
    sources: meta.sources.map((source) => ({ title: source.title, url: source.url })),
    checked: meta.checked,
    // Only when there are changes, so an unchanged lesson keeps its bundle bytes and hash.
    ...(meta.changes && { changes: meta.changes.map(({ date, summary }) => ({ date, summary })) }),
  };
  switch (kind) {
    case 'reading':
      requireText('a reading lesson needs text');
      if (base) lesson = { ...base, kind, html: render.blocks(content) };
      break;
    case 'reflection': {
      requireText('a reflection needs a prompt');
      const advisorHtml =
        meta?.advisor === undefined
          ? undefined
          : await renderAdvisor(meta.advisor, frontMatter.lineOf(['advisor']), report, context);
      if (base) {
        lesson = { ...base, kind, html: render.blocks(content) };
        if (advisorHtml !== undefined) lesson.advisorHtml = advisorHtml;
      }
      break;
    }
    case 'quiz': {
      const quiz = readQuiz(content, render, report, kindLine);
      if (base) lesson = { ...base, kind, html: quiz.html, questions: quiz.questions };
      break;
    }
    case 'checklist': {
      const checklist = readChecklist(content, render, report, kindLine);
      if (base) {
        lesson = { ...base, kind, html: checklist.html, items: checklist.items };
        if (meta?.task_minutes) lesson.taskMinutes = meta.task_minutes;
      }
      break;
    }
  }

  // Counted after the kinds have taken their `{#id}`s out of the text.
  const words = countWords(textOf(tree));
  if (words > MAX_LESSON_WORDS) {
    report(
      1,
      `lesson has ${words} words, more than ${MAX_LESSON_WORDS.toLocaleString('en')}: split it into two lessons`,
    );
  }
  return {
    lesson,
    id,
    idLine: frontMatter.lineOf(['id']),
    checkedLine: frontMatter.lineOf(['checked']),
  };
};

const hasText = (node: RootContent): boolean =>
  node.type !== 'html' && node.type !== 'thematicBreak';

/** The advisor suggestion is Markdown in a front matter string: its errors point at its key. */
const renderAdvisor = async (
  markdown: string,
  line: number,
  report: Report,
  context: LessonContext,
): Promise<string> => {
  const tree = parseMarkdown(markdown);
  await checkBody(
    tree,
    (_line, message) => report(line, `in "advisor": ${message}`),
    context.media,
  );
  return new HtmlRenderer(tree.children.filter(isDefinition), context.language).blocks(
    tree.children.filter((node) => !isDefinition(node)),
  );
};
