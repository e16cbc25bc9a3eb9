// The images of one course: every Markdown image must be a file under the course's media/ folder,
// so the app can store it for offline use. Each file is checked once (exists, known type, and for
// SVG: nothing that could run or fetch), and listed in the bundle with its size and MIME type.
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { versionedMediaUrl, type MediaFile } from '../shared/course';
import { IMAGE_TYPES } from '../shared/media-types';
import { displayPath, type ErrorList, type Report } from './errors';

/** Media files live in this folder of the course, and only there. */
export const MEDIA_DIR = 'media';

/** `media/x.png` from how an author wrote it (`./media/x.png`, `media/my%20x.png`), or undefined. */
export const mediaPath = (url: string): string | undefined => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('\\')) {
    return undefined;
  }
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  const normal = path.posix.normalize(decoded.replace(/\\/g, '/'));
  return normal.startsWith(`${MEDIA_DIR}/`) && !normal.split('/').includes('..')
    ? normal
    : undefined;
};

// Anything in an SVG that could run script or load something when the file is opened directly.
const unsafeSvg: [RegExp, string][] = [
  [/<script\b/i, '<script>'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute (on…=)'],
  [/javascript:/i, 'a javascript: address'],
  [/<foreignObject\b/i, '<foreignObject>'],
  [/<!ENTITY\b/i, 'an XML entity declaration'],
  [/<(iframe|embed|object)\b/i, 'embedded content'],
  [/\s(xlink:)?href\s*=\s*["']\s*(?!#|data:image\/)/i, 'a link to another file or address'],
  [/url\(\s*["']?\s*(?!#|data:image\/)/i, 'a url() to another file or address'],
  [/@import\b/i, 'a CSS @import'],
];

type Resolved = { file: MediaFile } | { problem: string };

/** Where a path really is once every symbolic link is followed, or undefined if it is missing. */
const realPathOf = (file: string): Promise<string | undefined> =>
  realpath(file).catch(() => undefined);

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'ELOOP']);

/** As realPathOf, but only "missing" is undefined: any other failure (a NUL in the path, no
 * permission) is thrown, so a server reports it instead of answering "not found". */
export async function realPathIfExists(file: string): Promise<string | undefined> {
  try {
    return await realpath(file);
  } catch (error) {
    if (MISSING.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/**
 * The real path of `file` when it lies inside `realRoot` (itself a real path), following every
 * symbolic link of both; `'outside'` when it leads elsewhere; undefined when it does not exist
 * (other failures are thrown, as realPathIfExists). A string check of the written path is not enough: `media/x.png` may be a link to any file.
 */
export async function realPathInside(
  realRoot: string,
  file: string,
): Promise<string | 'outside' | undefined> {
  const real = await realPathIfExists(file);
  if (real === undefined) return undefined;
  return real.startsWith(realRoot + path.sep) ? real : 'outside';
}

/** Collects the media one course uses, checking each file once. */
export class MediaCollector {
  private readonly seen = new Map<string, Promise<Resolved>>();
  private realRoot: Promise<string | undefined> | undefined;

  constructor(
    private readonly courseDir: string,
    private readonly courseId: string,
    private readonly errors: ErrorList,
  ) {}

  /**
   * Checks an image reference written as `url` and returns the URL the bundle uses instead, or
   * undefined after reporting why it cannot be used.
   */
  async use(url: string, line: number, report: Report): Promise<string | undefined> {
    const relative = mediaPath(url.trim());
    if (relative === undefined) {
      report(
        line,
        `image "${url}" is not in the course's media/ folder: copy it there and write ![description](media/name.png)`,
      );
      return undefined;
    }
    let resolved = this.seen.get(relative);
    if (!resolved) {
      resolved = this.resolve(relative);
      this.seen.set(relative, resolved);
    }
    const result = await resolved;
    if ('problem' in result) {
      report(line, result.problem);
      return undefined;
    }
    return result.file.url;
  }

  /** The media files used so far, in path order. */
  async files(): Promise<MediaFile[]> {
    const results = await Promise.all(this.seen.values());
    return results
      .flatMap((result) => ('file' in result ? [result.file] : []))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private async resolve(relative: string): Promise<Resolved> {
    const type = IMAGE_TYPES[path.posix.extname(relative).toLowerCase()];
    if (!type) {
      return {
        problem: `image "${relative}" has an unsupported type: use ${Object.keys(IMAGE_TYPES).join(', ')}`,
      };
    }
    const absolute = path.join(this.courseDir, ...relative.split('/'));
    const missing = { problem: `image "${relative}" not found (missing file)` };
    // Containment by the real path: the file and every folder above it, links followed, must
    // stay inside the real media/ folder (which may itself be a link, e.g. to shared storage).
    this.realRoot ??= realPathOf(path.join(this.courseDir, MEDIA_DIR));
    const realRoot = await this.realRoot;
    if (realRoot === undefined) return missing;
    const real = await realPathInside(realRoot, absolute).catch(() => undefined);
    if (real === undefined) return missing;
    if (real === 'outside') {
      const target = await realPathOf(absolute);
      return {
        problem: `image "${relative}" is a link to a file outside the course's media/ folder (${displayPath(target ?? absolute)}): copy the file itself into media/`,
      };
    }
    const info = await stat(real).catch(() => undefined);
    if (!info?.isFile()) return missing;
    const content = await readFile(real);
    if (type === 'image/svg+xml') this.checkSvg(absolute, content.toString('utf8'));
    const sha256 = createHash('sha256').update(content).digest('hex');
    const url = versionedMediaUrl(this.courseId, relative, sha256);
    return { file: { path: relative, url, bytes: info.size, type, sha256 } };
  }

  private checkSvg(absolute: string, svg: string): void {
    const report = this.errors.for(absolute);
    for (const [pattern, what] of unsafeSvg) {
      const match = pattern.exec(svg);
      if (match) {
        const line = svg.slice(0, match.index + match[0].search(/\S/)).split('\n').length;
        report(line, `SVG image contains ${what}: remove it, or export the image as PNG`);
      }
    }
  }
}
