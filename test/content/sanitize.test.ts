// The HTML in a bundle is rendered by the app as-is, so nothing that can run script may survive,
// whatever an author writes; and the Markdown an author needs must survive.
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/content';
import { mediaUrl } from '../../src/shared/course';
import { compileFixture } from './helpers';
import { TINY_PNG } from '../utils/course-fixture';

const attacks = [
  '<script>alert(1)</script>',
  '<img src="x" onerror="alert(1)">',
  '<p style="position:fixed;inset:0">cover</p>',
  '<style>body{display:none}</style>',
  '<a href="javascript:alert(1)">raw link</a>',
  '<iframe src="https://example.org"></iframe>',
  '<svg><g onload="alert(1)"></g></svg>',
  '[md link](javascript:alert(1))',
  '[upper](JAVASCRIPT:alert(1))',
  '[entity](jav&#x09;ascript:alert(1))',
  '![md image](javascript:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<javascript:alert(1)>',
  'Text with <b onmouseover="alert(1)">inline</b> HTML.',
];

describe('sanitised HTML', () => {
  it.each(attacks)('nothing runnable survives %s', (markdown) => {
    const html = markdownToHtml(`Before.\n\n${markdown}\n\nAfter.`);
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
    expect(html).not.toMatch(/<script|<style|<iframe|<svg|\son\w+=|style=/i);
    const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    for (const url of urls) expect(url).toMatch(/^(https?:|mailto:|tel:|#|\/)/);
  });

  it('keeps headings, lists, tables, code, quotes, images, links and footnotes', () => {
    const html = markdownToHtml(
      [
        '## Heading',
        '',
        '1. one',
        '2. **two** _three_ ~~four~~',
        '',
        '- [ ] task',
        '',
        '| a | b |',
        '| - | -: |',
        '| 1 | 2 |',
        '',
        '```ts',
        'const x = 1 < 2;',
        '```',
        '',
        '> quoted',
        '',
        '![A chart](/api/v1/courses/c/media/a.png "Title") [site](https://example.org)',
        '[mail](mailto:a@example.org) [call](tel:+4712345678) A note.[^1]',
        '',
        '[^1]: The note.',
      ].join('\n'),
    );
    expect(html).toContain('<h2>Heading</h2>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>two</strong> <em>three</em> <del>four</del>');
    expect(html).toContain('<input type="checkbox" disabled>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td align="right">2</td>');
    expect(html).toContain('<code class="language-ts">const x = 1 &#x3C; 2;');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<img src="/api/v1/courses/c/media/a.png" alt="A chart" title="Title">');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">site</a>');
    expect(html).toContain('<a href="mailto:a@example.org">mail</a>');
    expect(html).toContain('<a href="tel:+4712345678">call</a>');
    expect(html).toMatch(/<section data-footnotes class="footnotes">/);
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).not.toContain('user-content-user-content');
    // Norwegian by default: screen readers announce the footnote section in the course language.
    expect(html).toContain('Fotnoter');
  });

  it('reports, rather than silently drops, the raw HTML it would strip', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [{ id: 'l', file: '01-l.md', body: attacks.join('\n\n') }],
    });
    expect(result.course).toBeUndefined();
    // One attack a paragraph, from line 10: each of them is reported at its own line.
    const lines = new Set(result.errors.map((error) => error.line));
    expect([...lines]).toEqual(attacks.map((_attack, index) => 10 + 2 * index));
    expect(result.errors.every((error) => error.file === result.at('01-l.md'))).toBe(true);
  });

  it('rewrites images in every kind of lesson, including quiz options and reference images', async () => {
    const result = await compileFixture({
      id: 'pics',
      lessons: [
        {
          id: 'q',
          kind: 'quiz',
          body: [
            '## Which one? {#q}',
            '',
            '![First picture](media/a.png)',
            '',
            '- [x] ![Option picture][pic]',
            '  > ![Explanation picture](./media/a.png)',
            '- [ ] None',
            '  > No.',
            '',
            '[pic]: media/b.png',
          ].join('\n'),
        },
      ],
      files: { 'media/a.png': TINY_PNG, 'media/b.png': TINY_PNG },
    });
    expect(result.errors).toEqual([]);
    const json = result.course!.json;
    expect(json).not.toMatch(/src=\\"(\.\/)?media\//);
    expect(json).toContain(mediaUrl('pics', 'media/a.png'));
    expect(json).toContain(mediaUrl('pics', 'media/b.png'));
    expect(result.course!.bundle.media.map((file) => [file.path, file.bytes, file.type])).toEqual([
      ['media/a.png', TINY_PNG.length, 'image/png'],
      ['media/b.png', TINY_PNG.length, 'image/png'],
    ]);
  });
});
