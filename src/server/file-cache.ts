// Files served from disk (the built app, course media), kept in memory with their content ETag.
// Each request re-checks size and mtime with one stat, so a rebuilt app is picked up without a
// restart, and a file is read and hashed once per change, never per request.
import { open, stat } from 'node:fs/promises';
import { contentEtag } from './conditional';

/** A file's content as last read, with its validators. */
export interface CachedFile {
  bytes: Uint8Array;
  /** Strong ETag from the content. */
  etag: string;
  mtime: Date;
}

interface Entry extends CachedFile {
  mtimeMs: number;
  size: number;
}

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

const isMissing = (error: unknown): boolean =>
  error instanceof Error && MISSING.has((error as NodeJS.ErrnoException).code ?? '');

/** Regular files by absolute path; callers must have made sure the path is one they may serve. */
export class FileCache {
  readonly #entries = new Map<string, Entry>();

  /** The file's bytes and ETag, or `null` when it does not exist or is not a regular file. */
  async read(absolutePath: string): Promise<CachedFile | null> {
    const cached = this.#entries.get(absolutePath);
    if (cached) {
      const info = await stat(absolutePath).catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (info?.isFile() && info.mtimeMs === cached.mtimeMs && info.size === cached.size) {
        return cached;
      }
      this.#entries.delete(absolutePath);
      if (!info?.isFile()) return null;
    }
    return this.#load(absolutePath);
  }

  /** Whether a regular file exists at the path (not cached: used to detect a missing build). */
  async exists(absolutePath: string): Promise<boolean> {
    const info = await stat(absolutePath).catch(() => null);
    return info?.isFile() ?? false;
  }

  async #load(absolutePath: string): Promise<CachedFile | null> {
    let handle;
    try {
      handle = await open(absolutePath, 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      // Stat and read through one descriptor, so the size and mtime belong to the bytes read.
      const info = await handle.stat();
      if (!info.isFile()) return null;
      const bytes = await handle.readFile();
      const entry: Entry = {
        bytes,
        etag: contentEtag(bytes),
        mtime: info.mtime,
        mtimeMs: info.mtimeMs,
        size: info.size,
      };
      this.#entries.set(absolutePath, entry);
      return entry;
    } finally {
      await handle.close();
    }
  }
}
