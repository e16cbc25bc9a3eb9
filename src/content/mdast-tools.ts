// Small helpers over mdast trees: walking, reading text, counting words, finding lines.
import type { List, Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { idSchema } from './front-matter-schemas';
import type { Report } from './errors';

/** Calls `visit` on `node` and every node below it, parents before children. */
export const walk = (node: Nodes, visit: (node: Nodes, parent?: Parent) => void): void => {
  const go = (current: Nodes, parent?: Parent): void => {
    visit(current, parent);
    if ('children' in current) for (const child of current.children) go(child, current);
  };
  go(node);
};

/** 1-based start line of a node (1 when the node was made by the compiler). */
export const lineOf = (node: Nodes): number => node.position?.start.line ?? 1;

const blockTypes = new Set(['paragraph', 'heading', 'code', 'tableCell', 'listItem', 'blockquote']);

/** The readable text of a node: text, code and image descriptions, blocks separated by spaces. */
export const textOf = (node: Nodes): string => {
  const parts: string[] = [];
  walk(node, (current) => {
    if (blockTypes.has(current.type)) parts.push(' ');
    if (current.type === 'text' || current.type === 'inlineCode' || current.type === 'code') {
      parts.push(current.value);
    } else if (current.type === 'image' || current.type === 'imageReference') {
      parts.push(` ${current.alt ?? ''} `);
    }
  });
  return parts.join('');
};

/** Number of words in `text`: whitespace-separated runs holding at least one letter or digit. */
export const countWords = (text: string): number =>
  text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

const trailingId = /\s*\{#([^{}]*)\}\s*$/u;

/**
 * Removes a trailing `{#id}` from a heading or paragraph and returns the id, or undefined when
 * there is none. An id that is not a valid slug is reported and still returned, so the caller
 * does not also report it as missing.
 */
export const takeTrailingId = (
  parent: Parent & { children: PhrasingContent[] },
  report: Report,
): string | undefined => {
  const last = parent.children.at(-1);
  if (last?.type !== 'text') return undefined;
  const match = trailingId.exec(last.value);
  if (!match) return undefined;
  const id = match[1]!.trim();
  last.value = last.value.slice(0, match.index);
  if (last.value === '') parent.children.pop();
  const valid = idSchema.safeParse(id);
  if (!valid.success) {
    report(lineOf(last), `id "{#${id}}" ${valid.error.issues[0]?.message ?? 'is not valid'}`);
  }
  return id;
};

/** True for a GFM task list: a list where at least one item starts with `[ ]` or `[x]`. */
export const isTaskList = (node: RootContent): node is List =>
  node.type === 'list' && node.children.some((item) => typeof item.checked === 'boolean');
