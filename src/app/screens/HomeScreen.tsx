// Home: first where the learner left off ("Fortsett": the next lesson of the most recently active
// unfinished course), then the review questions due and the weekly goal (issue 16: a chunk loaded
// on demand, review/HomeLearning.tsx), then lessons the learner took that have changed since,
// every course with progress — also a course whose progress came from another device and whose
// bundle is not on this one (its title and lesson ids from the catalogue, downloaded in one tap) —
// the courses downloaded but not started, or an invitation to the catalogue; the install offer
// and a link to storage. Reads IndexedDB; asks for the catalogue only when progress without a
// bundle needs it.
import { useEffect } from 'preact/hooks';
import { ChangedLessons } from '../components/ChangeNotices';
import { CourseCard, cardTitleId } from '../components/CourseCard';
import { lessonTime } from '../components/course-facts';
import { InstallPrompt } from '../components/InstallPrompt';
import { DownloadControls } from '../components/lazy-downloads';
import { learnerCourses, nextStep, type ListedCourse } from '../components/learner-courses';
import { LessonKindLabel } from '../components/LessonKindLabel';
import { MetaLine } from '../components/MetaLine';
import { PageHeading } from '../components/PageHeading';
import { HomeLearning } from '../review/lazy-review';
import { paths } from '../routes';
import { useAppState, useI18n } from '../state/context';
import { useProgressWithoutBundle, useStoredCourses } from '../state/live';

export function HomeScreen() {
  const { t } = useI18n();
  const state = useAppState();
  const stored = useStoredCourses();
  const elsewhere = useProgressWithoutBundle();
  const needsCatalogue = (elsewhere?.length ?? 0) > 0;
  useEffect(() => {
    if (needsCatalogue) void state.loadCatalogue();
  }, [needsCatalogue]);
  const catalogue = state.catalogue.value;
  const entries =
    catalogue.status === 'loaded' || catalogue.status === 'loading' ? catalogue.entries : undefined;
  const lists = stored && elsewhere ? learnerCourses(stored, elsewhere, entries) : undefined;
  // Progress without a title to show: said once the catalogue has been tried.
  const unlisted =
    lists && (catalogue.status === 'loaded' || catalogue.status === 'error') ? lists.unlisted : 0;
  const started = lists?.started ?? [];
  const current = started.find((c) => !c.summary.finished && c.summary.nextLessonId !== null);
  const changed = (stored ?? [])
    .filter((o) => o.lastActive > 0)
    .flatMap(({ course, changed }) =>
      changed.map((entry) => ({
        ...entry,
        courseId: course.id,
        courseTitle: course.title,
        lang: course.language,
      })),
    );

  return (
    <div class="screen">
      <PageHeading title={t('home.title')} />
      <p class="lead">{t('home.intro')}</p>
      {lists === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : started.length === 0 && lists.notStarted.length === 0 ? (
        <section class="empty" aria-labelledby="empty-heading">
          <h2 id="empty-heading">{t('home.emptyTitle')}</h2>
          <p>{t('home.emptyText')}</p>
          {unlisted > 0 && <p class="notice">{t('home.unlisted', { count: unlisted })}</p>}
          <p class="actions">
            <a class="button" href={paths.catalogue}>
              {t('home.browse')}
            </a>
          </p>
        </section>
      ) : (
        <>
          {current && <ContinueCard listed={current} />}
          <div class="home-learning">
            <HomeLearning />
          </div>
          <ChangedLessons entries={changed} />
          {started.length > 0 && (
            <section aria-labelledby="started-heading">
              <h2 id="started-heading">{t('home.inProgressHeading')}</h2>
              <ul class="card-list">
                {started.map((listed) => (
                  <CourseCard key={listed.id} listed={listed} level={3}>
                    {!listed.overview && listed.entry && (
                      <DownloadControls
                        courseId={listed.id}
                        entry={listed.entry}
                        overview={null}
                        describedBy={cardTitleId(listed.id)}
                      />
                    )}
                  </CourseCard>
                ))}
              </ul>
              {unlisted > 0 && <p class="notice">{t('home.unlisted', { count: unlisted })}</p>}
            </section>
          )}
          {lists.notStarted.length > 0 && (
            <section aria-labelledby="not-started-heading">
              <h2 id="not-started-heading">{t('home.notStartedHeading')}</h2>
              <ul class="card-list">
                {lists.notStarted.map((listed) => (
                  <CourseCard key={listed.id} listed={listed} level={3} />
                ))}
              </ul>
            </section>
          )}
          <p class="actions">
            <a class="button secondary" href={paths.catalogue}>
              {t('home.browse')}
            </a>
          </p>
        </>
      )}
      {/* They sit below the list and appear with it: shown before it, they would be pushed down
          when it arrives (a layout shift, Lighthouse's CLS). */}
      {lists !== undefined && (
        <>
          <InstallPrompt />
          <p class="storage-link">
            <a href={paths.storage}>{t('storage.link')}</a>
          </p>
        </>
      )}
    </div>
  );
}

function ContinueCard({ listed }: { listed: ListedCourse }) {
  const i18n = useI18n();
  const { t } = i18n;
  const course = listed.overview?.course ?? listed.entry;
  if (!course) return null;
  // The lesson's title and kind are known when the course is on the device.
  const lesson = listed.overview?.course.outline.find((l) => l.id === listed.summary.nextLessonId);
  return (
    <section class="card continue-card" aria-labelledby="continue-heading">
      <h2 id="continue-heading">{t('home.continueHeading')}</h2>
      <p id="continue-course" class="continue-course" lang={course.language}>
        {course.title}
      </p>
      {lesson && (
        <>
          <p id="continue-lesson" class="continue-lesson" lang={course.language}>
            {t('home.nextLesson', { title: lesson.title })}
          </p>
          <MetaLine items={[<LessonKindLabel kind={lesson.kind} />, ...lessonTime(i18n, lesson)]} />
        </>
      )}
      <p class="actions">
        <a
          class="button"
          href={nextStep(listed).href}
          aria-describedby={lesson ? 'continue-lesson' : 'continue-course'}
        >
          {t('home.continue')}
        </a>
      </p>
    </section>
  );
}
