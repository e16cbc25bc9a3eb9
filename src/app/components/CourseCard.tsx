// A course in a list: its title as a link to the course page, summary, facts, links to the same
// course in other languages, progress, whether it works offline, and (in the catalogue) its
// download controls.
import type { ComponentChildren } from 'preact';
import type { CatalogueEntry } from '../../shared/course';
import type { CourseOverview } from '../db/views';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import { courseFacts } from './course-facts';
import { listedTranslations } from './course-languages';
import { MetaLine } from './MetaLine';
import { OfflineStatus } from './OfflineStatus';
import { ProgressBar } from './ProgressBar';
import { TranslationLinks } from './TranslationLinks';

interface Props {
  /** From the catalogue, when it could be fetched. */
  entry?: CatalogueEntry;
  /** From the device, when the course is stored. */
  overview?: CourseOverview;
  /** Heading level of the title, to fit the list's place in the page outline. */
  level?: 2 | 3;
  /** The catalogue's courses, to link to this course in other languages the catalogue lists. */
  catalogue?: readonly CatalogueEntry[];
  /** Extra controls at the end of the card (the catalogue's download controls). */
  children?: ComponentChildren;
}

/** Id of a course card's title, for aria-describedby on its controls. */
export const cardTitleId = (courseId: string) => `course-title-${courseId}`;

export function CourseCard({ entry, overview, catalogue, level = 2, children }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const i18n = useI18n();
  const { t } = i18n;
  const stored = overview?.course;
  const course = entry ?? stored;
  if (!course) return null;
  const facts = courseFacts(i18n, {
    lessonCount: entry?.lessonCount ?? stored?.outline.length ?? 0,
    minutes: course.minutes,
    language: course.language,
  });
  if (entry)
    facts.push(t('catalogue.size', { size: i18n.bytes(entry.bundleBytes + entry.mediaBytes) }));
  const started = overview !== undefined && overview.lastActive > 0;
  const translations = listedTranslations(
    { ...course, translations: entry?.translations ?? stored?.translations },
    catalogue,
    i18n.lang,
  );
  return (
    <li class="card">
      <Heading class="card-title" lang={course.language} id={cardTitleId(course.id)}>
        <a href={paths.course(course.id)}>{course.title}</a>
      </Heading>
      <p lang={course.language}>{course.summary}</p>
      <MetaLine items={facts} />
      <TranslationLinks translations={translations} describedBy={cardTitleId(course.id)} />
      {started && overview.summary.finished && (
        <p class="meta finished-label">{t('course.finished')}</p>
      )}
      {started && (
        <ProgressBar
          percent={overview.summary.percent}
          label={t('course.progressOf', { title: course.title })}
        />
      )}
      <OfflineStatus available={overview?.availableOffline ?? false} />
      {children}
    </li>
  );
}
