// Collects authoring errors for a whole course so every mistake is reported in one run.
import path from 'node:path';
import type { AuthoringError } from './types';

/** Reports one error at a 1-based line of the file it was made for. */
export type Report = (line: number, message: string) => void;

/** Path of `file` as shown to an author: relative to the working directory. */
export const displayPath = (file: string): string => path.relative(process.cwd(), file) || file;

/** An append-only list of authoring errors, with one reporter per source file. */
export class ErrorList {
  readonly items: AuthoringError[] = [];

  /** A reporter that files errors under `absFile`. */
  for(absFile: string): Report {
    const file = displayPath(absFile);
    return (line, message) => {
      this.items.push({ file, line: Math.max(1, line), message });
    };
  }
}
