// The catalogue as a Markdown table for docs/courses.md: course, language, lessons, minutes and
// the sources its lessons cite. Generated, so the document cannot drift from the courses.
import type { CompiledCourse } from './types';

const escape = (text: string): string => text.replace(/\|/g, '\\|');

/** Hostnames of the sources a course and its lessons cite, most cited first. */
function sourceHosts(course: CompiledCourse): string[] {
  const counts = new Map<string, number>();
  const urls = [
    ...course.bundle.sources.map((s) => s.url),
    ...course.bundle.lessons.flatMap((l) => l.sources.map((s) => s.url)),
  ];
  for (const url of urls) {
    if (!url) continue;
    const host = new URL(url).hostname.replace(/^www\./, '');
    counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([h]) => h);
}

/** One Markdown table row per course, sorted by title. */
export function catalogueTable(courses: readonly CompiledCourse[]): string {
  const rows = [...courses]
    .sort((a, b) => a.bundle.title.localeCompare(b.bundle.title, 'nb'))
    .map((c) => {
      const { id, title, language, lessons, minutes } = c.bundle;
      const cited = new Set(lessons.flatMap((l) => l.sources.map((s) => s.url)));
      return `| ${escape(title)} (\`${id}\`) | ${language} | ${lessons.length} | ${minutes} | ${cited.size}: ${sourceHosts(c).join(', ')} |`;
    });
  return [
    '| course | language | lessons | minutes | sources cited by its lessons |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
