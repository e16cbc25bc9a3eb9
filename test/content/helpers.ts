// Helpers for the course compiler tests: compile a fixture, name its files as errors show them.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll } from 'vitest';
import { compileCourse } from '../../src/content';
import type { CourseCompileResult } from '../../src/content';
import { makeTempRoot, writeCourse, type CourseFixture } from '../utils/course-fixture';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** A temp root removed after the test file. */
export const tempRoot = async (): Promise<string> => {
  const root = await makeTempRoot();
  roots.push(root);
  return root;
};

/** Writes `course` to a fresh temp root and compiles it. */
export const compileFixture = async (
  course: CourseFixture,
): Promise<CourseCompileResult & { at: (file: string) => string }> => {
  const dir = await writeCourse(await tempRoot(), course);
  const result = await compileCourse(dir);
  return { ...result, at: (file) => path.relative(process.cwd(), path.join(dir, file)) };
};
