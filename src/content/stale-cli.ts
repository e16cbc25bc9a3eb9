// `npm run courses:stale [dir]`: lists every lesson past due for a new check of its facts as
// `file:line: …`. Exit 0 when none is, 1 when any is, 2 when the folder cannot be read.
import { checkStale } from './check-stale';

process.exitCode = await checkStale(process.argv[2] ?? 'courses');
