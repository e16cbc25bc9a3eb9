// Markdown in, sanitised HTML out. Raw HTML in the source never reaches the output: remark-rehype
// drops it (no allowDangerousHtml), and the checks in body-checks.ts report it to the author.
// rehype-sanitize then runs on everything as a second line of defence.
import type { Root as HastRoot, Element, ElementContent, RootContent as HastContent } from 'hast';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { CourseLanguage } from '../shared/course';

/** GitHub's sanitise schema, plus `tel:` links; `style` elements are dropped with their text. */
export const sanitizeSchema = {
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: [...(defaultSchema.protocols?.href ?? []), 'tel'],
  },
  strip: [...(defaultSchema.strip ?? []), 'style'],
};

// Footnote labels are read out by screen readers, so they follow the course language.
const footnoteLabels: Record<CourseLanguage, { label: string; back: string }> = {
  nb: { label: 'Fotnoter', back: 'Tilbake til teksten' },
  nn: { label: 'Fotnotar', back: 'Tilbake til teksten' },
  en: { label: 'Footnotes', back: 'Back to content' },
  se: { label: 'Fotnoter', back: 'Tilbake til teksten' },
};

const parser = unified().use(remarkParse).use(remarkGfm);

/** Parses Markdown (CommonMark + GFM) into an mdast tree whose positions are lines of `text`. */
export const parseMarkdown = (text: string): Root => parser.parse(text);

/** Marks external links so the opened page gets no handle on the app and no referrer. */
const markExternalLinks = () => (tree: HastRoot) => {
  const visit = (node: HastRoot | HastContent): void => {
    if (node.type === 'element' && node.tagName === 'a') {
      const href = node.properties.href;
      if (typeof href === 'string' && /^https?:/i.test(href)) {
        node.properties.rel = ['noopener', 'noreferrer'];
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
};

const htmlPipeline = unified()
  .use(rehypeSanitize, sanitizeSchema)
  .use(markExternalLinks)
  .use(rehypeStringify);

/** Turns mdast into sanitised HTML; `definitions` resolve `[text][ref]` links and footnotes. */
export class HtmlRenderer {
  private readonly toHast;

  constructor(
    private readonly definitions: RootContent[] = [],
    language: CourseLanguage = 'nb',
  ) {
    const labels = footnoteLabels[language];
    this.toHast = unified().use(remarkRehype, {
      footnoteLabel: labels.label,
      footnoteBackLabel: labels.back,
      // rehype-sanitize adds the `user-content-` prefix itself; without this ids get it twice.
      clobberPrefix: '',
    });
  }

  /** Block HTML (`<p>`, lists, tables…) of a sequence of Markdown blocks. */
  blocks(nodes: RootContent[]): string {
    return this.render(this.hast(nodes));
  }

  /** Inline HTML (no wrapping `<p>`) of phrasing content, e.g. for a `<label>`. */
  inline(nodes: PhrasingContent[]): string {
    const tree = this.hast([{ type: 'paragraph', children: nodes }]);
    const paragraph = tree.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'p',
    );
    const footnotes = tree.children.filter(
      (child): child is Element => child.type === 'element' && child.tagName === 'section',
    );
    const children: ElementContent[] = [...(paragraph?.children ?? []), ...footnotes];
    return this.render({ type: 'root', children });
  }

  /** Inline HTML when the nodes are one paragraph, else block HTML. */
  label(nodes: RootContent[]): string {
    const [first] = nodes;
    return nodes.length === 1 && first?.type === 'paragraph'
      ? this.inline(first.children)
      : this.blocks(nodes);
  }

  private hast(nodes: RootContent[]): HastRoot {
    return this.toHast.runSync({ type: 'root', children: [...nodes, ...this.definitions] });
  }

  private render(tree: HastRoot): string {
    return htmlPipeline.stringify(htmlPipeline.runSync(tree)).trim();
  }
}

/** Sanitised HTML of a Markdown string (no media rewriting, no checks). */
export const markdownToHtml = (text: string, language: CourseLanguage = 'nb'): string => {
  const tree = parseMarkdown(text);
  const definitions = tree.children.filter(isDefinition);
  return new HtmlRenderer(definitions, language).blocks(
    tree.children.filter((node) => !isDefinition(node)),
  );
};

/** True for the nodes that define link targets or footnotes rather than show anything. */
export const isDefinition = (node: RootContent): boolean =>
  node.type === 'definition' || node.type === 'footnoteDefinition';
