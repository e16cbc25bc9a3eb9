// One test per kind of authoring error: each names the exact file and line the author must fix,
// and checks that no other error is reported. Lesson fixtures put the body on line 10 (line 11 with
// an advisor); see test/utils/course-fixture.ts.
import { describe, expect, it } from 'vitest';
import { compileFixture } from './helpers';
import { TINY_PNG, type LessonFixture } from '../utils/course-fixture';

const error = (file: string, line: number, message: RegExp) => ({
  file,
  line,
  message: expect.stringMatching(message),
});

/** Compiles a course with one lesson `01-l.md` and returns its errors and file path helper. */
const compileLesson = async (
  lesson: Partial<LessonFixture>,
  files?: Record<string, string | Uint8Array>,
) => {
  const result = await compileFixture({
    id: 'c',
    lessons: [{ id: 'l', file: '01-l.md', ...lesson }],
    files,
  });
  expect(result.course).toBeUndefined();
  return { errors: result.errors, lesson: result.at('01-l.md'), at: result.at };
};

const quiz = (...lines: string[]) => ({ kind: 'quiz' as const, body: lines.join('\n') });

describe('course.md front matter', () => {
  it('reports a missing field by name at the opening line', async () => {
    const result = await compileFixture({ id: 'c', meta: { title: undefined } });
    expect(result.errors).toEqual([error(result.at('course.md'), 1, /^missing field "title"$/)]);
  });

  it('reports an invalid field at its line', async () => {
    const result = await compileFixture({ id: 'c', meta: { version: 0 } });
    expect(result.errors).toEqual([error(result.at('course.md'), 6, /field "version" must be 1/)]);
  });

  it('reports a missing course id', async () => {
    const result = await compileFixture({ id: 'c', meta: { id: undefined } });
    expect(result.errors).toEqual([error(result.at('course.md'), 1, /^missing field "id"$/)]);
  });

  it('reports an id that is not a slug', async () => {
    const result = await compileFixture({ id: 'c', meta: { id: 'Trygg E-post' } });
    expect(result.errors).toEqual([
      error(result.at('course.md'), 2, /field "id" must be lowercase/),
    ]);
  });

  it('reports a language outside nb, nn, en, se', async () => {
    const result = await compileFixture({ id: 'c', meta: { language: 'sv' } });
    expect(result.errors).toEqual([
      error(result.at('course.md'), 5, /field "language" must be one of nb, nn, en, se/),
    ]);
  });

  it('reports a source without a title and a source URL that is not a web address', async () => {
    const result = await compileFixture({
      id: 'c',
      courseMd: [
        '---',
        'id: c',
        'title: C',
        'summary: S',
        'language: nb',
        'version: 1',
        'audience: A',
        'sources:',
        '  - title: Fine',
        '    url: https://example.org',
        '  - url: https://example.org',
        '  - title: Bad link',
        '    url: javascript:alert(1)',
        '---',
      ].join('\n'),
    });
    expect(result.errors).toEqual([
      error(result.at('course.md'), 11, /^missing field "sources\[2\]\.title"$/),
      error(result.at('course.md'), 13, /field "sources\[3\]\.url" must be a web address/),
    ]);
  });

  it('reports an unknown field at its line', async () => {
    const result = await compileFixture({ id: 'c', meta: { langauge: 'nb' } });
    expect(result.errors).toEqual([error(result.at('course.md'), 9, /^unknown field "langauge"$/)]);
  });

  it('reports invalid YAML at the line of the mistake', async () => {
    const result = await compileFixture({
      id: 'c',
      courseMd: ['---', 'id: c', 'title: Ja: nei', 'summary: S', '---'].join('\n'),
    });
    expect(result.errors).toEqual([
      error(result.at('course.md'), 3, /^invalid YAML in front matter/),
    ]);
  });

  it('reports a missing course.md', async () => {
    const result = await compileFixture({ id: 'c', courseMd: null });
    expect(result.errors).toEqual([error(result.at('course.md'), 1, /^missing course\.md/)]);
  });

  it('reports a course with no lessons', async () => {
    const result = await compileFixture({ id: 'c', lessons: [] });
    expect(result.errors).toEqual([error(result.at('course.md'), 1, /^course has no lessons/)]);
  });
});

describe('lesson files and front matter', () => {
  it('reports a file name that is not NN-<slug>.md', async () => {
    const { errors, at } = await compileLesson({ file: '1-Intro.md' });
    expect(errors).toEqual([
      error(at('1-Intro.md'), 1, /^file name "1-Intro\.md" must look like 01-/),
    ]);
  });

  it('reports two lessons with the same number', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [
        { id: 'a', file: '01-a.md' },
        { id: 'b', file: '01-b.md' },
      ],
    });
    expect(result.errors).toEqual([
      error(result.at('01-b.md'), 1, /^lesson number 01 is also used by 01-a\.md$/),
    ]);
  });

  it('reports a file without front matter, and one whose front matter is not closed', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [
        { id: 'a', file: '01-a.md', raw: 'Just text.\n' },
        { id: 'b', file: '02-b.md', raw: '---\nid: b\ntitle: B\n\nText.\n' },
      ],
    });
    expect(result.errors).toEqual([
      error(result.at('01-a.md'), 1, /^missing front matter/),
      error(result.at('02-b.md'), 1, /^front matter is not closed/),
    ]);
  });

  it('reports a missing lesson field by name', async () => {
    const { errors, lesson } = await compileLesson({ frontMatter: { minutes: undefined } });
    expect(errors).toEqual([error(lesson, 1, /^missing field "minutes"$/)]);
  });

  it('reports a missing lesson id', async () => {
    const { errors, lesson } = await compileLesson({ frontMatter: { id: undefined } });
    expect(errors).toEqual([error(lesson, 1, /^missing field "id"$/)]);
  });

  it('reports minutes outside 1–15 at its line', async () => {
    const { errors, lesson } = await compileLesson({ minutes: 20 });
    expect(errors).toEqual([
      error(lesson, 5, /^field "minutes" must be a whole number from 1 to 15$/),
    ]);
  });

  it('reports an unknown kind at its line', async () => {
    const { errors, lesson } = await compileLesson({ frontMatter: { kind: 'video' } });
    expect(errors).toEqual([
      error(lesson, 4, /^field "kind" must be one of reading, quiz, checklist, reflection$/),
    ]);
  });

  it('reports invalid YAML in a lesson at the line of the mistake', async () => {
    const { errors, lesson } = await compileLesson({
      raw: [
        '---',
        'id: l',
        'title: "unclosed',
        'kind: reading',
        'minutes: 2',
        '---',
        '',
        'Text.',
      ].join('\n'),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual(error(lesson, 3, /^invalid YAML in front matter/));
  });

  it('reports an advisor on a lesson that is not a reflection', async () => {
    const { errors, lesson } = await compileLesson({ advisor: 'Talk to them.' });
    expect(errors).toEqual([
      error(lesson, 6, /^field "advisor" is only used by reflection lessons$/),
    ]);
  });

  it('reports a duplicate lesson id on the later lesson, at its id line', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [
        { id: 'same', file: '01-one.md' },
        { id: 'same', file: '02-two.md' },
      ],
    });
    expect(result.errors).toEqual([
      error(result.at('02-two.md'), 2, /^lesson id "same" is already used by 01-one\.md$/),
    ]);
  });

  it('reports a lesson over 1,200 words', async () => {
    const { errors, lesson } = await compileLesson({ body: `${'ord '.repeat(1201)}\n` });
    expect(errors).toEqual([error(lesson, 1, /^lesson has 1201 words, more than 1,200/)]);
  });

  it('accepts a lesson of exactly 1,200 words', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [{ id: 'l', body: 'ord '.repeat(1200) }],
    });
    expect(result.errors).toEqual([]);
  });

  it('reports a reading lesson and a reflection with no text', async () => {
    const result = await compileFixture({
      id: 'c',
      lessons: [
        { id: 'a', file: '01-a.md', body: '' },
        { id: 'b', file: '02-b.md', kind: 'reflection', body: '<!-- todo -->\n' },
      ],
    });
    expect(result.errors).toEqual([
      error(result.at('01-a.md'), 4, /^a reading lesson needs text/),
      error(result.at('02-b.md'), 4, /^a reflection needs a prompt/),
    ]);
  });
});

describe('quiz lessons', () => {
  it('reports a quiz with no questions at its kind line', async () => {
    const { errors, lesson } = await compileLesson(quiz('Just an introduction.'));
    expect(errors).toEqual([error(lesson, 4, /^a quiz needs at least one question/)]);
  });

  it('reports a question without {#id}', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('## Right?', '', '- [x] Yes', '  > Yes.', '- [ ] No', '  > No.'),
    );
    expect(errors).toEqual([
      error(lesson, 10, /^question has no id: end the heading with \{#question-id\}$/),
    ]);
  });

  it('reports an id that is not a slug', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('## Right? {#Q 1}', '', '- [x] Yes', '  > Yes.', '- [ ] No', '  > No.'),
    );
    expect(errors).toEqual([error(lesson, 10, /^id "\{#Q 1\}" must be lowercase/)]);
  });

  it('reports a duplicate question id at the later heading', async () => {
    const question = ['- [x] Yes', '  > Yes.', '- [ ] No', '  > No.', ''];
    const { errors, lesson } = await compileLesson(
      quiz('## One? {#q}', '', ...question, '## Two? {#q}', '', ...question),
    );
    expect(errors).toEqual([error(lesson, 17, /^question id "q" is used twice in this lesson$/)]);
  });

  it('reports a duplicate option id, explicit or by position', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('## Q? {#q}', '', '- [x] Yes {#b}', '  > Yes.', '- [ ] No', '  > No.'),
    );
    expect(errors).toEqual([error(lesson, 14, /^option id "b" is used twice in this question$/)]);
  });

  it('reports a question with no correct option at its heading', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('Intro.', '', '## Q? {#q}', '', '- [ ] A', '  > No.', '- [ ] B', '  > No.'),
    );
    expect(errors).toEqual([error(lesson, 12, /^question has no correct option/)]);
  });

  it('reports an option without an explanation at its line', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('## Q? {#q}', '', '- [x] A', '  > Yes.', '- [ ] B', '- [ ] C', '  > No.'),
    );
    expect(errors).toEqual([error(lesson, 14, /^option "b" has no explanation/)]);
  });

  it('explains an explanation that is not indented under its option', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('## Q? {#q}', '', '- [x] A', '  > Yes.', '- [ ] B', '> No.'),
    );
    expect(errors).toEqual([
      error(lesson, 14, /^option "b" has no explanation/),
      error(lesson, 15, /indent its "> …" lines by two spaces/),
    ]);
  });

  it('reports a question without options, and one with a single option', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('## Q? {#q}', '', 'No options here.', '', '## R? {#r}', '', '- [x] Only', '  > Yes.'),
    );
    expect(errors).toEqual([
      error(lesson, 10, /^question has no options/),
      error(lesson, 14, /^question needs at least two options$/),
    ]);
  });

  it('reports an option without [ ] or [x], and text after the options', async () => {
    const { errors, lesson } = await compileLesson(
      quiz('## Q? {#q}', '', '- [x] A', '  > Yes.', '- B', '  > No.', '', 'Afterthought.'),
    );
    expect(errors).toEqual([
      error(lesson, 14, /^option must start with "\[x\]" \(right\) or "\[ \]" \(wrong\)$/),
      error(lesson, 17, /^text after a question's options/),
    ]);
  });
});

describe('checklist lessons', () => {
  it('reports a checklist with no items at its kind line', async () => {
    const { errors, lesson } = await compileLesson({
      kind: 'checklist',
      body: 'Only an introduction.',
    });
    expect(errors).toEqual([error(lesson, 4, /^a checklist needs items/)]);
  });

  it('reports an item without {#id}', async () => {
    const { errors, lesson } = await compileLesson({
      kind: 'checklist',
      body: ['Intro.', '', '- [ ] Has one {#one}', '- [ ] Has none'].join('\n'),
    });
    expect(errors).toEqual([
      error(lesson, 13, /^checklist item has no id: end it with \{#item-id\}$/),
    ]);
  });

  it('reports a duplicate item id', async () => {
    const { errors, lesson } = await compileLesson({
      kind: 'checklist',
      body: ['- [ ] One {#x}', '- [ ] Two {#x}'].join('\n'),
    });
    expect(errors).toEqual([
      error(lesson, 11, /^checklist item id "x" is used twice in this lesson$/),
    ]);
  });

  it('reports a ticked item, a plain item and text after the list', async () => {
    const { errors, lesson } = await compileLesson({
      kind: 'checklist',
      body: ['- [x] Ticked {#a}', '- Plain {#b}', '', 'Outro.'].join('\n'),
    });
    expect(errors).toEqual([
      error(lesson, 10, /^checklist items start unticked/),
      error(lesson, 11, /^checklist item must start with "- \[ \]"$/),
      error(lesson, 13, /^text after the checklist items/),
    ]);
  });
});

describe('Markdown bodies', () => {
  it('reports a raw <script> at its line', async () => {
    const { errors, lesson } = await compileLesson({
      body: ['Hello.', '', '<script>alert(1)</script>', ''].join('\n'),
    });
    expect(errors).toEqual([error(lesson, 12, /^raw <script> is not allowed/)]);
  });

  it('reports inline and block raw HTML, but lets comments through', async () => {
    const { errors, lesson } = await compileLesson({
      body: [
        '<!-- a note for other authors -->',
        '',
        'Some <b onclick="x()">bold</b> text.',
        '',
        '<div style="color:red">',
        'Red',
        '</div>',
      ].join('\n'),
    });
    expect(errors).toEqual([
      error(lesson, 12, /^raw HTML is not allowed \("<b onclick="x\(\)">"\)/),
      error(lesson, 14, /^raw HTML is not allowed \("<div style/),
    ]);
  });

  it('reports a raw <script> in an advisor suggestion at the advisor line', async () => {
    const { errors, lesson } = await compileLesson({
      kind: 'reflection',
      advisor: 'Ask them. <script>x</script>',
    });
    expect(errors).toEqual([error(lesson, 6, /^in "advisor": raw <script> is not allowed/)]);
  });

  it('reports links that are unsafe or not full web addresses', async () => {
    const { errors, lesson } = await compileLesson({
      body: [
        '[ok](https://example.org) [mail](mailto:a@example.org) [call](tel:+4712345678) [top](#x)',
        '[bad](javascript:alert(1))',
        '[relative](02-next.md)',
        '[ref][r]',
        '',
        '[r]: data:text/html,hi',
      ].join('\n'),
    });
    expect(errors).toEqual([
      error(lesson, 11, /^link "javascript:alert\(1\)" is not allowed/),
      error(lesson, 12, /^link "02-next\.md" is not allowed/),
      error(lesson, 15, /^link "data:text\/html,hi" is not allowed/),
    ]);
  });

  it('reports a broken media link (missing file)', async () => {
    const { errors, lesson } = await compileLesson({
      body: 'Text.\n\n![A chart](media/missing.png)\n',
    });
    expect(errors).toEqual([error(lesson, 12, /^image "media\/missing\.png" not found/)]);
  });

  it('reports images outside media/', async () => {
    const { errors, lesson } = await compileLesson(
      {
        body: [
          '![Remote](https://example.org/a.png)',
          '![Up](../other/media/a.png)',
          '![Sneaky](media/../a.png)',
          '![Root](a.png)',
        ].join('\n\n'),
      },
      { 'a.png': TINY_PNG },
    );
    expect(errors).toEqual(
      [10, 12, 14, 16].map((line) => error(lesson, line, /is not in the course's media\/ folder/)),
    );
  });

  it('reports an image without a description and an unsupported image type', async () => {
    const { errors, lesson } = await compileLesson(
      { body: '![](media/a.png)\n\n![A document](media/a.pdf)\n' },
      { 'media/a.png': TINY_PNG, 'media/a.pdf': '%PDF-1.4' },
    );
    expect(errors).toEqual([
      error(lesson, 10, /^image has no description/),
      error(lesson, 12, /^image "media\/a\.pdf" has an unsupported type/),
    ]);
  });

  it('reports an SVG that could run script or load other files, in the SVG file at its line', async () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
      '<script>alert(1)</script>',
      '<rect fill="url(#gradient)" onclick="alert(1)"/>',
      '<image xlink:href="https://example.org/track.png"/>',
      '<style>rect { fill: url(https://example.org/x.svg) }</style>',
      '</svg>',
    ];
    const { errors, at } = await compileLesson(
      { body: '![Logo](media/logo.svg)\n' },
      { 'media/logo.svg': svg.join('\n') },
    );
    expect(errors).toEqual([
      error(at('media/logo.svg'), 2, /^SVG image contains <script>/),
      error(at('media/logo.svg'), 3, /^SVG image contains an event handler attribute/),
      error(at('media/logo.svg'), 4, /^SVG image contains a link to another file or address/),
      error(at('media/logo.svg'), 5, /^SVG image contains a url\(\) to another file or address/),
    ]);
  });

  it('collects the errors of every file at once, course.md first, then by file and line', async () => {
    const result = await compileFixture({
      id: 'c',
      meta: { language: 'de' },
      lessons: [
        { id: 'a', file: '01-a.md', body: '<script>x</script>\n\n![x](media/none.png)\n' },
        { id: 'b', file: '02-b.md', kind: 'checklist', body: '- [ ] No id\n' },
      ],
    });
    expect(result.errors).toEqual([
      error(result.at('course.md'), 5, /"language"/),
      error(result.at('01-a.md'), 10, /<script>/),
      error(result.at('01-a.md'), 12, /not found/),
      error(result.at('02-b.md'), 10, /has no id/),
    ]);
  });
});
