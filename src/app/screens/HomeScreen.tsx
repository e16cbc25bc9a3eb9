// Home: lessons the learner took that have changed since, where the learner left off (the next lesson of the most recently active unfinished
// course), the courses they have started, or an invitation to the catalogue; the install offer and
// a link to storage. Reads only IndexedDB: no request at start, online or not.
import { ChangedLessons } from '../components/ChangeNotices';
import { CourseCard } from '../components/CourseCard';
import { lessonTime } from '../components/course-facts';
import { InstallPrompt } from '../components/InstallPrompt';
import { LessonKindLabel } from '../components/LessonKindLabel';
import { MetaLine } from '../components/MetaLine';
import { PageHeading } from '../components/PageHeading';
import type { CourseOverview } from '../db/views';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import { useStoredCourses } from '../state/live';

export function HomeScreen() {
  const { t } = useI18n();
  const courses = useStoredCourses();
  const started = courses?.filter((c) => c.lastActive > 0) ?? [];
  const current = started.find((c) => !c.summary.finished && c.summary.nextLessonId !== null);
  const changed = started.flatMap(({ course, changed }) =>
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
      {courses === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : started.length === 0 ? (
        <section class="empty" aria-labelledby="empty-heading">
          <h2 id="empty-heading">{t('home.emptyTitle')}</h2>
          <p>{t('home.emptyText')}</p>
          <p class="actions">
            <a class="button" href={paths.catalogue}>
              {t('home.browse')}
            </a>
          </p>
        </section>
      ) : (
        <>
          <ChangedLessons entries={changed} />
          {current && <ContinueCard overview={current} />}
          <section aria-labelledby="started-heading">
            <h2 id="started-heading">{t('home.inProgressHeading')}</h2>
            <ul class="card-list">
              {started.map((overview) => (
                <CourseCard key={overview.course.id} overview={overview} level={3} />
              ))}
            </ul>
          </section>
          <p class="actions">
            <a class="button secondary" href={paths.catalogue}>
              {t('home.browse')}
            </a>
          </p>
        </>
      )}
      <InstallPrompt />
      <p class="storage-link">
        <a href={paths.storage}>{t('storage.link')}</a>
      </p>
    </div>
  );
}

function ContinueCard({ overview }: { overview: CourseOverview }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { course, summary } = overview;
  const lesson = course.outline.find((l) => l.id === summary.nextLessonId);
  if (!lesson) return null;
  return (
    <section class="card continue-card" aria-labelledby="continue-heading">
      <h2 id="continue-heading">{t('home.continueHeading')}</h2>
      <p class="continue-course" lang={course.language}>
        {course.title}
      </p>
      <p id="continue-lesson" class="continue-lesson" lang={course.language}>
        {t('home.nextLesson', { title: lesson.title })}
      </p>
      <MetaLine items={[<LessonKindLabel kind={lesson.kind} />, ...lessonTime(i18n, lesson)]} />
      <p class="actions">
        <a
          class="button"
          href={paths.lesson(course.id, lesson.id)}
          aria-describedby="continue-lesson"
        >
          {t('home.continue')}
        </a>
      </p>
    </section>
  );
}
