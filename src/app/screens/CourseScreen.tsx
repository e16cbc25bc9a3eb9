// A course: what it is and for whom, the same course in other languages, how far the learner has
// come, which lessons they took have changed since, where to continue, whether it works offline (download, update, delete), every lesson with
// its kind, length and state, and the sources. Fetched and stored on first visit; without a
// connection a course not on the device says so instead of failing.
import { useEffect } from 'preact/hooks';
import type { CatalogueEntry } from '../../shared/course';
import { ChangedLessons } from '../components/ChangeNotices';
import { CourseComplete } from '../components/CourseComplete';
import { CourseReset } from '../components/CourseReset';
import { DownloadControls } from '../components/lazy-downloads';
import { OfflineStatus } from '../components/OfflineStatus';
import { PersistenceNote } from '../components/PersistenceNote';
import { PageHeading, focusPageHeading } from '../components/PageHeading';
import { courseFacts, lessonTime } from '../components/course-facts';
import { listedTranslations } from '../components/course-languages';
import { LessonKindLabel } from '../components/LessonKindLabel';
import { LessonStateLabel, lessonState } from '../components/LessonStateLabel';
import { MetaLine } from '../components/MetaLine';
import { ProgressBar } from '../components/ProgressBar';
import { TranslationLinks } from '../components/TranslationLinks';
import type { CourseOverview } from '../../client-core/db/views';
import { errorSentence } from '../i18n/errors';
import { paths } from '../routes';
import { isConnectionFailure } from '../state/app-state';
import { useAppState, useI18n } from '../state/context';
import { useCourse } from '../state/use-course';
import { LessonScreen } from './lazy';
import { downloadTexts } from '../components/download-texts';
import { useTexts } from '../i18n/feature-texts';
import { courseTexts } from './course-texts';

export function CourseScreen({ courseId = '' }: { courseId?: string }) {
  return <CourseView key={courseId} courseId={courseId} />;
}

function CourseView({ courseId }: { courseId: string }) {
  const { t } = useI18n();
  const tc = useTexts(courseTexts);
  const state = useAppState();
  const result = useCourse(courseId);
  const catalogue = state.catalogue.value;
  const entry =
    catalogue.status === 'loaded' ? catalogue.entries.find((e) => e.id === courseId) : undefined;

  // The player is a separate chunk: fetch it now, while the learner reads the course page. The
  // catalogue (sizes, newer versions) loads in the background; the page never waits for it.
  useEffect(() => {
    LessonScreen.preload().catch(() => {});
    DownloadControls.preload().catch(() => {});
    void state.loadCatalogue();
  }, []);

  // The download was deleted from this page: its details are gone, so focus the heading.
  useEffect(() => {
    if (result.status === 'removed') focusPageHeading();
  }, [result.status]);

  const unreachable = result.status === 'error' && isConnectionFailure(result.error);
  // One stable <h1> across loading and loaded states keeps focus on it after navigation.
  const title =
    result.status === 'ready'
      ? result.overview.course.title
      : result.status === 'notFound'
        ? tc('course.notFoundTitle')
        : result.status === 'removed'
          ? (entry?.title ?? tc('course.removedTitle'))
          : unreachable && !state.connectivity.online.value
            ? t('download.unavailable')
            : tc('course.loading');
  return (
    <div class="screen">
      <PageHeading title={title}>
        {result.status === 'ready' ? (
          <span lang={result.overview.course.language}>{title}</span>
        ) : undefined}
      </PageHeading>
      {result.status === 'ready' && <CourseDetails overview={result.overview} entry={entry} />}
      {result.status === 'notFound' && <p>{tc('course.notFoundText')}</p>}
      {result.status === 'removed' && (
        <>
          <p role="status">{tc('course.removedText')}</p>
          <p class="actions">
            <button type="button" class="button secondary" onClick={result.fetchAgain}>
              {tc('course.fetchAgain')}
            </button>
          </p>
          <DownloadControls courseId={courseId} entry={entry} overview={null} />
        </>
      )}
      {result.status === 'error' && (
        <div class="notice" role="alert">
          <p>
            {unreachable && !state.connectivity.online.value
              ? tc('course.unavailableText')
              : errorSentence(t, result.error)}
          </p>
          <p>
            <button type="button" class="button" onClick={result.retry}>
              {tc('course.retry')}
            </button>
          </p>
        </div>
      )}
      {result.status !== 'ready' && result.status !== 'loading' && (
        <p>
          <a href={paths.catalogue}>{tc('course.backToCatalogue')}</a>
        </p>
      )}
    </div>
  );
}

/** When the last lesson of the course was completed. */
const finishedAt = ({ course, progress }: CourseOverview): number =>
  Math.max(...course.outline.map((l) => progress.get(l.id)?.completedAt ?? 0));

function CourseDetails({ overview, entry }: { overview: CourseOverview; entry?: CatalogueEntry }) {
  const i18n = useI18n();
  const tc = useTexts(courseTexts);
  const td = useTexts(downloadTexts);
  const state = useAppState();
  const { course, summary, progress } = overview;
  const lang = course.language;
  const next = course.outline.find((l) => l.id === summary.nextLessonId);
  const changedIds = new Set(overview.changed.map((entry) => entry.lesson.id));
  const started = overview.lastActive > 0;
  const catalogue = state.catalogue.value;
  const listed =
    catalogue.status === 'loaded' || catalogue.status === 'loading' ? catalogue.entries : undefined;
  const translations = listedTranslations(
    { ...course, translations: entry?.translations ?? course.translations },
    listed,
    i18n.lang,
  );

  return (
    <>
      {/* A finished course opens on its summary and the next course, above the fold. */}
      {summary.finished && (
        <section class="done-panel" aria-labelledby="finished-heading">
          <h2 id="finished-heading">{tc('complete.title')}</h2>
          <p class="meta">{tc('course.finishedOn', { date: i18n.date(finishedAt(overview)) })}</p>
          <CourseComplete courseId={course.id} />
        </section>
      )}
      <p class="lead" lang={lang}>
        {course.summary}
      </p>
      {course.audience && <p lang={lang}>{tc('course.audience', { audience: course.audience })}</p>}
      <MetaLine
        items={courseFacts(i18n, {
          lessonCount: course.outline.length,
          minutes: course.minutes,
          language: lang,
        })}
      />
      <TranslationLinks translations={translations} />
      <ProgressBar percent={summary.percent} label={tc('course.progressLabel')} />
      <ChangedLessons
        entries={overview.changed.map((entry) => ({ ...entry, courseId: course.id, lang }))}
      />

      {!summary.finished && next && (
        <div class="continue">
          <p class="actions">
            <a
              class="button"
              href={paths.lesson(course.id, next.id)}
              aria-describedby="continue-next"
            >
              {started ? tc('course.continue') : tc('course.start')}
            </a>
          </p>
          <p id="continue-next" class="meta" lang={lang}>
            {tc('course.continueWith', { title: next.title })}
          </p>
        </div>
      )}

      <section class="offline-section" aria-labelledby="offline-heading">
        <h2 id="offline-heading">{td('download.heading')}</h2>
        <OfflineStatus available={overview.availableOffline} />
        {!overview.availableOffline && state.connectivity.online.value && (
          <p class="hint">{td('download.hint')}</p>
        )}
        <DownloadControls
          courseId={course.id}
          entry={entry}
          overview={overview}
          describedBy="offline-heading"
        />
        <PersistenceNote />
      </section>

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{tc('course.lessonsHeading')}</h2>
        <ol class="lesson-list">
          {course.outline.map((lesson) => (
            <li key={lesson.id} class="lesson-item">
              <a class="lesson-link" href={paths.lesson(course.id, lesson.id)} lang={lang}>
                {lesson.title}
              </a>
              <MetaLine
                items={[
                  <LessonKindLabel kind={lesson.kind} />,
                  ...lessonTime(i18n, lesson),
                  <LessonStateLabel state={lessonState(progress.get(lesson.id))} />,
                  ...(changedIds.has(lesson.id)
                    ? [<span class="state-label state-changed">{tc('changes.updatedLabel')}</span>]
                    : []),
                ]}
              />
            </li>
          ))}
        </ol>
      </section>

      <CourseReset course={course} progress={progress} />

      {course.sources.length > 0 && (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">{tc('course.sourcesHeading')}</h2>
          <ul class="sources">
            {course.sources.map((source, i) => (
              <li key={i} lang={lang}>
                {source.url ? (
                  <a href={source.url} rel="noopener noreferrer">
                    {source.title}
                  </a>
                ) : (
                  source.title
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
