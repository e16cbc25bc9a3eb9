// Course catalogues for the offline tests, written to temp folders: the real example course plus a
// "heavy" course whose images are large enough that a download takes a while on a throttled
// connection and can be cut half-way.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempRoot, TINY_PNG, writeCourse } from '../utils/course-fixture';

export const HEAVY_COURSE_ID = 'tung-nedlasting';
export const HEAVY_IMAGE_COUNT = 6;
export const HEAVY_IMAGE_BYTES = 200 * 1024;

/** A valid PNG padded to `bytes` (browsers ignore data after the IEND chunk). */
function paddedPng(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set(TINY_PNG);
  for (let i = TINY_PNG.length; i < bytes; i++) out[i] = (i * 31 + seed * 7) & 0xff;
  return out;
}

/** A catalogue folder with the example course and the heavy course, at the given versions. */
export async function writeCatalogue(
  options: { heavyVersion?: number; heavyLessons?: string[] } = {},
): Promise<string> {
  const { heavyVersion = 1, heavyLessons = ['bilder-1', 'bilder-2', 'quiz'] } = options;
  const root = await makeTempRoot('lommekurs-e2e-courses-');
  await cp('courses/eksempel-trygg-epost', join(root, 'eksempel-trygg-epost'), { recursive: true });
  const files: Record<string, Uint8Array> = {};
  for (let i = 1; i <= HEAVY_IMAGE_COUNT; i++)
    files[`media/bilde-${i}.png`] = paddedPng(HEAVY_IMAGE_BYTES, i);
  const images = (from: number, to: number) =>
    Array.from(
      { length: to - from + 1 },
      (_, k) => `![Bilde ${from + k}](media/bilde-${from + k}.png)`,
    ).join('\n\n');
  const lessonFor = (id: string, index: number) =>
    id === 'quiz'
      ? { id, kind: 'quiz' as const, title: 'Sjekk deg selv' }
      : {
          id,
          kind: 'reading' as const,
          title: `Bilder del ${index + 1}`,
          body: `Her er noen bilder.\n\n${index === 0 ? images(1, 3) : images(4, HEAVY_IMAGE_COUNT)}\n`,
        };
  await writeCourse(root, {
    id: HEAVY_COURSE_ID,
    meta: { title: 'Tung nedlasting', version: heavyVersion },
    lessons: heavyLessons.map(lessonFor),
    files,
  });
  return root;
}
