/** The topics of courses/topics.yml, built into the app (vite.config.ts, `courseTopics`), in the
 * file's order: what "Hva vil du lære mer om?" offers (issue 15). */
declare module 'virtual:course-topics' {
  // An ambient module cannot `import type` from a relative path (TS2439): a type import it is.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const topics: readonly import('../shared/course-topics').CourseTopic[];
  export default topics;
}
