// docs/courses.md around the generated catalogue table.

/** The whole document for a table made by catalogueTable. */
export const coursesDocument = (table: string): string => `# The course catalogue

Generated from \`courses/\` by \`npm run courses:table\`; a test fails when this file is out of
date. Each lesson lists its own sources and the date they were last checked (\`checked\`), see
[course-format.md](course-format.md).

${table}
`;
