// The complete example files in docs/course-format.md must compile: authors copy them.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { compileCourse } from '../../src/content';
import { tempRoot } from './helpers';

it('the example files in docs/course-format.md form a course that compiles', async () => {
  const doc = await readFile('docs/course-format.md', 'utf8');
  const files = [...doc.matchAll(/```markdown\n(---\n[\s\S]*?)```/g)].map((match) => match[1]!);
  const [course, ...lessons] = files;
  expect(lessons).toHaveLength(4);

  const dir = path.join(await tempRoot(), 'docs-course');
  await mkdir(path.join(dir, 'media'), { recursive: true });
  await writeFile(path.join(dir, 'course.md'), course!);
  for (const [index, lesson] of lessons.entries()) {
    await writeFile(path.join(dir, `0${index + 1}-lesson.md`), lesson);
  }
  await copyFile(
    'courses/eksempel-trygg-epost/media/varselsignaler.svg',
    path.join(dir, 'media', 'varselsignaler.svg'),
  );

  const result = await compileCourse(dir);
  expect(result.errors).toEqual([]);
  expect(result.course?.bundle.lessons.map((lesson) => lesson.kind)).toEqual([
    'reading',
    'quiz',
    'checklist',
    'reflection',
  ]);
});
