// Warnings about a lesson body's outline. The app shows the lesson title as the page's h1, so the
// body's headings start at `##` and go at most one level deeper than the heading before them
// (WCAG 1.3.1: screen-reader users move through a page by its heading levels). A paragraph that
// is only bold text looks like a heading but is not one, so it is warned about too. In a quiz
// each `##` is a question, so its introduction can hold no heading at all without skipping.
import type { Heading, Nodes, Paragraph, Root } from 'mdast';
import type { Report } from './errors';
import { lineOf, textOf, walk } from './mdast-tools';

/** The level of the lesson title the app puts above every body. */
const TITLE_LEVEL = 1;

/** Warns about headings that skip a level or repeat the title's level, and bold-only paragraphs. */
export const checkOutline = (tree: Root, warn: Report): void => {
  let previous = TITLE_LEVEL;
  walk(tree, (node, parent) => {
    if (node.type === 'heading') {
      checkLevel(node, previous, warn);
      previous = node.depth;
    } else if (node.type === 'paragraph' && parent?.type === 'root' && isBoldOnly(node)) {
      warn(
        lineOf(node),
        `"${quote(node)}" is a paragraph of only bold text: if it is a heading, write it as one ("## …") so screen readers can find it`,
      );
    }
  });
};

const checkLevel = (heading: Heading, previous: number, warn: Report): void => {
  const hashes = '#'.repeat(heading.depth);
  if (heading.depth <= TITLE_LEVEL) {
    warn(
      lineOf(heading),
      `heading "${hashes}" is the lesson title's level: the title is shown above the lesson, so start headings at "##"`,
    );
  } else if (heading.depth > previous + 1) {
    const expected = '#'.repeat(previous + 1);
    warn(
      lineOf(heading),
      previous === TITLE_LEVEL
        ? `heading "${hashes}" skips a level: the first heading in a lesson is "${expected}"`
        : `heading "${hashes}" skips a level after "${'#'.repeat(previous)}": use "${expected}"`,
    );
  }
};

/** A paragraph whose visible content is only `**strong**` text (whitespace aside). */
const isBoldOnly = (paragraph: Paragraph): boolean =>
  paragraph.children.some((child) => child.type === 'strong') &&
  paragraph.children.every(
    (child) => child.type === 'strong' || (child.type === 'text' && child.value.trim() === ''),
  );

const quote = (node: Nodes): string => {
  const text = textOf(node).trim().replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
