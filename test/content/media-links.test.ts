// Media containment by the real path: a media file that is a symbolic link, or sits under a
// linked folder, whose target is outside the course's media/ folder is an authoring error; a
// link that stays inside media/ is fine (issue 12, part 7).
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/content';
import { TINY_PNG, writeCourse } from '../utils/course-fixture';
import { tempRoot } from './helpers';

/** A course whose one lesson shows `media/<image>`, and a secret file next to the course. */
async function courseShowing(image: string) {
  const root = await tempRoot();
  const dir = await writeCourse(root, {
    id: 'c',
    lessons: [{ id: 'l', file: '01-l.md', body: `Text.\n\n![A picture](media/${image})\n` }],
    files: { 'media/real.png': TINY_PNG },
  });
  const outside = path.join(root, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.png'), 'not for learners');
  return { dir, outside, lesson: path.relative(process.cwd(), path.join(dir, '01-l.md')) };
}

describe('media files that are symbolic links', () => {
  it('refuses a linked file whose target is outside media/, naming the image', async () => {
    const { dir, outside, lesson } = await courseShowing('linked.png');
    await symlink(path.join(outside, 'secret.png'), path.join(dir, 'media', 'linked.png'));
    const result = await compileCourse(dir);
    expect(result.course).toBeUndefined();
    expect(result.errors).toEqual([
      {
        file: lesson,
        line: 12,
        message: expect.stringMatching(/^image "media\/linked\.png" is a link to a file outside/),
      },
    ]);
  });

  it('refuses a file under a linked folder whose target is outside media/', async () => {
    const { dir, outside, lesson } = await courseShowing('folder/secret.png');
    await symlink(outside, path.join(dir, 'media', 'folder'));
    const result = await compileCourse(dir);
    expect(result.course).toBeUndefined();
    expect(result.errors).toEqual([
      {
        file: lesson,
        line: 12,
        message: expect.stringMatching(
          /^image "media\/folder\/secret\.png" is a link to a file outside/,
        ),
      },
    ]);
  });

  it('refuses a link to the course.md beside media/ (inside the course, outside media/)', async () => {
    const { dir } = await courseShowing('course.png');
    await symlink(path.join(dir, 'course.md'), path.join(dir, 'media', 'course.png'));
    const result = await compileCourse(dir);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^image "media\/course\.png" is a link to a file outside/),
    ]);
  });

  it('accepts a link that stays inside media/, listing the real size', async () => {
    const { dir } = await courseShowing('alias.png');
    await symlink('real.png', path.join(dir, 'media', 'alias.png'));
    const result = await compileCourse(dir);
    expect(result.errors).toEqual([]);
    expect(result.course?.bundle.media).toMatchObject([
      { path: 'media/alias.png', bytes: TINY_PNG.length, type: 'image/png' },
    ]);
  });

  it('still reports a dangling link as a missing file', async () => {
    const { dir } = await courseShowing('gone.png');
    await symlink('nowhere.png', path.join(dir, 'media', 'gone.png'));
    const result = await compileCourse(dir);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^image "media\/gone\.png" not found/),
    ]);
  });
});
