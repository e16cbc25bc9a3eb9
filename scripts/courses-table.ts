// Writes docs/courses.md from the courses in courses/ (`npm run courses:table`). A test checks
// that the committed file matches, so it is regenerated whenever a course changes.
import { writeFile } from 'node:fs/promises';
import { compileCatalogue } from '../src/content';
import { catalogueTable } from '../src/content/catalogue-table';
import { coursesDocument } from '../src/content/courses-document';

const { courses, failures } = await compileCatalogue('courses');
if (failures.length > 0) {
  console.error('Some courses have errors: run npm run courses:check');
  process.exit(1);
}
await writeFile('docs/courses.md', coursesDocument(catalogueTable(courses)));
console.log(`docs/courses.md: ${courses.length} courses`);
