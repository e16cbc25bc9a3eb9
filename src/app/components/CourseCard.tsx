// A course in a list: its title as a link to the course page, summary, facts, links to the same
// course in other languages, progress, whether it works offline, "Start" or "Fortsett" (straight
// to the next lesson), and extra controls (the download). The course may be on the device or only
// in the catalogue (progress pulled from another device): see learner-courses.ts.
import type { ComponentChildren } from 'preact';
import type { CatalogueEntry } from '../../shared/course';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import { courseFacts } from './course-facts';
import { listedTranslations } from './course-languages';
import { nextStep, type ListedCourse } from './learner-courses';
import { MetaLine } from './MetaLine';
import { OfflineStatus } from './OfflineStatus';
import { ProgressBar } from './ProgressBar';
import { TranslationLinks } from './TranslationLinks';

interface Props {
  listed: ListedCourse;
  /** Heading level of the title, to fit the list's place in the page outline. */
  level?: 2 | 3;
  /** The catalogue's courses, to link to this course in other languages the catalogue lists. */
  catalogue?: readonly CatalogueEntry[];
  /** Extra controls at the end of the card (download controls). */
  children?: ComponentChildren;
}

/** Id of a course card's title, for aria-describedby on its controls. */
export const cardTitleId = (courseId: string) => `course-title-${courseId}`;

export function CourseCard({ listed, catalogue, level = 2, children }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const i18n = useI18n();
  const { t } = i18n;
  const { entry, overview, summary } = listed;
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
  const started = listed.lastActive > 0;
  const translations = listedTranslations(
    { ...course, translations: entry?.translations ?? stored?.translations },
    catalogue,
    i18n.lang,
  );
  const step = nextStep(listed);
  const titleId = cardTitleId(course.id);
  return (
    <li class="card">
      <Heading class="card-title" lang={course.language} id={titleId}>
        <a href={paths.course(course.id)}>{course.title}</a>
      </Heading>
      <p lang={course.language}>{course.summary}</p>
      <MetaLine items={facts} />
      <TranslationLinks translations={translations} describedBy={titleId} />
      {started && summary.finished && <p class="meta finished-label">{t('course.finished')}</p>}
      {started && (
        <ProgressBar
          percent={summary.percent}
          label={t('course.progressOf', { title: course.title })}
        />
      )}
      {started && !stored && <p class="meta">{t('courses.notOnDevice')}</p>}
      <OfflineStatus available={overview?.availableOffline ?? false} />
      <p class="actions">
        <a class="button" href={step.href} aria-describedby={titleId}>
          {t(`courses.${step.kind}`)}
        </a>
      </p>
      {children}
    </li>
  );
}
