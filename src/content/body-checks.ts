// Checks that apply to every piece of Markdown in a course, whatever the lesson kind: no raw HTML,
// only safe links, images described and stored in media/. Image URLs are rewritten in place to
// the URLs the app fetches them from.
import type { Definition, Nodes, Root } from 'mdast';
import type { Report } from './errors';
import type { MediaCollector } from './media';
import { lineOf, walk } from './mdast-tools';

const allowedLink = /^(https?:|mailto:|tel:|#)/i;

/** Reports raw HTML, unsafe links and bad images in `tree`, and rewrites image URLs. */
export const checkBody = async (
  tree: Root,
  report: Report,
  media: MediaCollector,
): Promise<void> => {
  const definitions = new Map<string, Definition>();
  const imageDefinitions = new Set<Definition>();
  const pending: Promise<void>[] = [];
  const useImage = (node: { url: string }, line: number): void => {
    pending.push(
      media.use(node.url, line, report).then((url) => {
        if (url !== undefined) node.url = url;
      }),
    );
  };

  walk(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node);
  });
  walk(tree, (node: Nodes) => {
    switch (node.type) {
      case 'html':
        checkHtml(node.value, lineOf(node), report);
        break;
      case 'link':
        checkLink(node.url, lineOf(node), report);
        break;
      case 'image':
        checkAlt(node.alt, lineOf(node), report);
        useImage(node, lineOf(node));
        break;
      case 'imageReference': {
        checkAlt(node.alt, lineOf(node), report);
        const definition = definitions.get(node.identifier);
        if (definition) imageDefinitions.add(definition);
        break;
      }
    }
  });
  for (const definition of definitions.values()) {
    if (imageDefinitions.has(definition)) useImage(definition, lineOf(definition));
    else checkLink(definition.url, lineOf(definition), report);
  }
  await Promise.all(pending);
};

const checkHtml = (html: string, line: number, report: Report): void => {
  // Comments are notes for other authors and are dropped quietly; a closing tag is reported
  // through its opening tag.
  const visible = html.replace(/<!--[\s\S]*?(-->|$)/g, '').trim();
  if (visible === '' || /^<\/[a-z][^>]*>$/i.test(visible)) return;
  if (/<script\b/i.test(visible)) {
    report(line, 'raw <script> is not allowed in a course');
    return;
  }
  const snippet = visible.length > 40 ? `${visible.slice(0, 40)}…` : visible;
  report(line, `raw HTML is not allowed ("${snippet}"): write it in Markdown instead`);
};

const checkLink = (url: string, line: number, report: Report): void => {
  if (allowedLink.test(url.trim())) return;
  report(
    line,
    `link "${url}" is not allowed: links must start with https://, http://, mailto: or tel:`,
  );
};

const checkAlt = (alt: string | null | undefined, line: number, report: Report): void => {
  if (!alt?.trim()) {
    report(line, 'image has no description: write what it shows, ![description](media/name.png)');
  }
};
