// `npm run courses:check [dir]`: compiles a catalogue root (default `courses`) or one course folder
// and prints every authoring error as `file:line: message`. Exit 0 when all is well, 1 on
// authoring errors, 2 when the folder cannot be read.
import { checkCourses } from './check-courses';

process.exitCode = await checkCourses(process.argv[2] ?? 'courses');
