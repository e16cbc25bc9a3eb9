// Reads a quiz lesson from Markdown. Syntax (docs/course-format.md):
//
//   Introduction.
//   ## Question text? {#question-id}
//   Optional text belonging to the question.
//   - [x] A right option {#optional-option-id}
//     > Why it is right.
//   - [ ] A wrong option
//     > Why it is wrong.
import type { Heading, ListItem, RootContent } from 'mdast';
import type { QuizOption, QuizQuestion } from '../shared/course';
import type { Report } from './errors';
import type { HtmlRenderer } from './markdown';
import { isTaskList, lineOf, takeTrailingId } from './mdast-tools';

/** The parts of a quiz: introduction HTML and its questions. */
export interface QuizContent {
  html: string;
  questions: QuizQuestion[];
}

const isQuestionHeading = (node: RootContent): node is Heading =>
  node.type === 'heading' && node.depth === 2;

/** Default option ids by position: a, b, c … z, then o27, o28 …. */
const positionalId = (index: number): string =>
  index < 26 ? String.fromCharCode(97 + index) : `o${index + 1}`;

/** Builds the questions of a quiz from its body blocks, reporting every structural mistake. */
export const readQuiz = (
  nodes: RootContent[],
  render: HtmlRenderer,
  report: Report,
  kindLine: number,
): QuizContent => {
  const first = nodes.findIndex(isQuestionHeading);
  const intro = first < 0 ? nodes : nodes.slice(0, first);
  if (first < 0) {
    report(
      kindLine,
      'a quiz needs at least one question: a heading "## Question? {#question-id}" followed by its options',
    );
  }

  const questions: QuizQuestion[] = [];
  const questionIds = new Set<string>();
  let index = first;
  while (index >= 0 && index < nodes.length) {
    const heading = nodes[index] as Heading;
    let end = index + 1;
    while (end < nodes.length && !isQuestionHeading(nodes[end]!)) end += 1;
    const question = readQuestion(heading, nodes.slice(index + 1, end), render, report);
    if (question.id !== undefined) {
      if (questionIds.has(question.id)) {
        report(lineOf(heading), `question id "${question.id}" is used twice in this lesson`);
      }
      questionIds.add(question.id);
    } else {
      report(lineOf(heading), 'question has no id: end the heading with {#question-id}');
    }
    questions.push({ ...question, id: question.id ?? '' });
    index = end;
  }
  return { html: render.blocks(intro), questions };
};

const readQuestion = (
  heading: Heading,
  section: RootContent[],
  render: HtmlRenderer,
  report: Report,
): Omit<QuizQuestion, 'id'> & { id: string | undefined } => {
  const id = takeTrailingId(heading, report);
  const text: RootContent[] = [];
  const items: ListItem[] = [];
  for (const node of section) {
    if (isTaskList(node)) {
      items.push(...node.children);
    } else if (items.length === 0) {
      text.push(node);
    } else if (node.type === 'blockquote') {
      report(
        lineOf(node),
        'this explanation does not belong to an option: indent its "> …" lines by two spaces, under the option',
      );
    } else {
      report(
        lineOf(node),
        "text after a question's options: put it between the question heading and the options",
      );
    }
  }

  const options: QuizOption[] = [];
  const optionIds = new Set<string>();
  items.forEach((item, position) => {
    const option = readOption(item, position, render, report);
    if (!option) return;
    if (optionIds.has(option.id)) {
      report(lineOf(item), `option id "${option.id}" is used twice in this question`);
    }
    optionIds.add(option.id);
    options.push(option);
  });

  const correct = options.filter((option) => option.correct).length;
  if (items.length === 0) {
    report(
      lineOf(heading),
      'question has no options: list them as "- [x] right answer" and "- [ ] wrong answer"',
    );
  } else if (items.length === 1) {
    report(lineOf(heading), 'question needs at least two options');
  }
  if (items.length > 0 && correct === 0) {
    report(lineOf(heading), 'question has no correct option: mark the right answers "- [x]"');
  }
  return {
    id,
    html: render.blocks([{ type: 'paragraph', children: heading.children }, ...text]),
    multiple: correct > 1,
    options,
  };
};

const readOption = (
  item: ListItem,
  position: number,
  render: HtmlRenderer,
  report: Report,
): QuizOption | undefined => {
  if (typeof item.checked !== 'boolean') {
    report(lineOf(item), 'option must start with "[x]" (right) or "[ ]" (wrong)');
    return undefined;
  }
  const explanation = item.children.filter((child) => child.type === 'blockquote');
  const content = item.children.filter((child) => child.type !== 'blockquote');
  const [label] = content;
  const id =
    (label?.type === 'paragraph' ? takeTrailingId(label, report) : undefined) ??
    positionalId(position);
  if (content.length === 0 || (label?.type === 'paragraph' && label.children.length === 0)) {
    report(lineOf(item), `option "${id}" has no text`);
  }
  if (explanation.length === 0) {
    report(
      lineOf(item),
      `option "${id}" has no explanation: add a line "  > why this is right or wrong" under it`,
    );
  }
  return {
    id,
    html: render.label(content),
    correct: item.checked,
    explanationHtml: render.blocks(explanation.flatMap((quote) => quote.children)),
  };
};
