// Collects authoring errors (and warnings) for a whole course so every mistake is reported in
// one run. An error withdraws the course; a warning is printed and the course is still served.
import path from 'node:path';
import type { AuthoringError } from './types';

/** Reports one error at a 1-based line of the file it was made for. */
export type Report = (line: number, message: string) => void;

/** Path of `file` as shown to an author: relative to the working directory. */
export const displayPath = (file: string): string => path.relative(process.cwd(), file) || file;

/** An append-only list of authoring errors, with one reporter per source file. */
export class ErrorList {
  readonly items: AuthoringError[] = [];
  /** Mistakes a learner can live with (a skipped heading level): reported, course kept. */
  readonly warnings: AuthoringError[] = [];

  /** A reporter that files errors under `absFile`. */
  for(absFile: string): Report {
    return reporter(this.items, absFile);
  }

  /** A reporter that files warnings under `absFile`. */
  warnFor(absFile: string): Report {
    return reporter(this.warnings, absFile);
  }
}

const reporter =
  (list: AuthoringError[], absFile: string): Report =>
  (line, message) => {
    list.push({ file: displayPath(absFile), line: Math.max(1, line), message });
  };
