// Reads a checklist lesson from Markdown: an introduction, then one GFM task list whose items are
// unticked and end in `{#item-id}`:
//
//   - [ ] Check the sender's address {#sender}
import type { ListItem, RootContent } from 'mdast';
import type { ChecklistItem } from '../shared/course';
import type { Report } from './errors';
import type { HtmlRenderer } from './markdown';
import { isTaskList, lineOf, takeTrailingId } from './mdast-tools';

/** The parts of a checklist: introduction HTML and its items. */
export interface ChecklistContent {
  html: string;
  items: ChecklistItem[];
}

/** Builds a checklist from its body blocks, reporting every structural mistake. */
export const readChecklist = (
  nodes: RootContent[],
  render: HtmlRenderer,
  report: Report,
  kindLine: number,
): ChecklistContent => {
  const first = nodes.findIndex(isTaskList);
  const intro = first < 0 ? nodes : nodes.slice(0, first);
  const listItems: ListItem[] = [];
  if (first < 0) {
    report(kindLine, 'a checklist needs items: a list of "- [ ] something to do {#item-id}"');
  } else {
    for (const node of nodes.slice(first)) {
      if (isTaskList(node)) listItems.push(...node.children);
      else report(lineOf(node), 'text after the checklist items: move it above the list');
    }
  }

  const items: ChecklistItem[] = [];
  const ids = new Set<string>();
  for (const item of listItems) {
    const line = lineOf(item);
    if (typeof item.checked !== 'boolean') {
      report(line, 'checklist item must start with "- [ ]"');
      continue;
    }
    if (item.checked) report(line, 'checklist items start unticked: write "- [ ]", not "- [x]"');
    const [label] = item.children;
    const id = label?.type === 'paragraph' ? takeTrailingId(label, report) : undefined;
    if (id === undefined) {
      report(line, 'checklist item has no id: end it with {#item-id}');
    } else {
      if (ids.has(id)) report(line, `checklist item id "${id}" is used twice in this lesson`);
      ids.add(id);
    }
    items.push({ id: id ?? '', html: render.label(item.children) });
  }
  return { html: render.blocks(intro), items };
};
