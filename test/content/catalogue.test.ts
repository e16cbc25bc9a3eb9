import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileCatalogue, compileCourse } from '../../src/content';
import { writeCourse } from '../utils/course-fixture';
import { tempRoot } from './helpers';

describe('compileCatalogue', () => {
  it('compiles every folder with a course.md, in folder order', async () => {
    const root = await tempRoot();
    await writeCourse(root, {
      id: 'b-course',
      lessons: [{ id: 'one' }, { id: 'two', kind: 'quiz' }],
    });
    await writeCourse(root, { id: 'a-course', lessons: [{ id: 'one', kind: 'checklist' }] });
    await mkdir(path.join(root, 'shared-notes'));
    await writeFile(path.join(root, 'shared-notes', 'README.md'), 'Not a course.');
    await writeFile(path.join(root, 'README.md'), 'Not a course either.');

    const { courses, failures } = await compileCatalogue(root);
    expect(failures).toEqual([]);
    expect(courses.map((course) => [course.bundle.id, course.entry.lessonCount])).toEqual([
      ['a-course', 1],
      ['b-course', 2],
    ]);
    expect(courses[0]!.dir).toBe(path.join(root, 'a-course'));
  });

  it('fails the later of two courses with the same id, at its id line', async () => {
    const root = await tempRoot();
    await writeCourse(root, { id: 'same', folder: 'first' });
    await writeCourse(root, { id: 'same', folder: 'second' });
    await writeCourse(root, { id: 'broken', folder: 'third', meta: { version: 'one' } });

    const { courses, failures } = await compileCatalogue(root);
    expect(courses.map((course) => course.dir)).toEqual([path.join(root, 'first')]);
    const relative = (...parts: string[]) =>
      path.relative(process.cwd(), path.join(root, ...parts));
    expect(failures.map((failure) => [failure.dir, failure.course, failure.errors])).toEqual([
      [
        path.join(root, 'second'),
        undefined,
        [
          {
            file: relative('second', 'course.md'),
            line: 2,
            message: `course id "same" is already used by ${relative('first')}`,
          },
        ],
      ],
      [
        path.join(root, 'third'),
        undefined,
        [
          {
            file: relative('third', 'course.md'),
            line: 6,
            message: 'field "version" must be a whole number',
          },
        ],
      ],
    ]);
  });

  it('throws when the folder cannot be read', async () => {
    const missing = path.join(await tempRoot(), 'missing');
    await expect(compileCatalogue(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(compileCourse(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
