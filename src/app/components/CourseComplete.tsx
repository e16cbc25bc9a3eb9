// The summary of a finished course, shown where the last lesson is completed and at the top of the
// course page: what the learner did (lessons, the quizzes' score at the first try, minutes), the
// next course to take (one not started, in the same language first), and the checklist items still
// unticked. Short, so the next course is in view on a 360×740 phone without scrolling. Below it,
// once per course, "Hva vil du lære mer om?" (CourseWishes, issue 15).
import { useEffect } from 'preact/hooks';
import type { CourseMeta } from '../../shared/course';
import { paths } from '../routes';
import { useAppState, useI18n } from '../state/context';
import {
  useCourseLessons,
  useCourseOverview,
  useProgressWithoutBundle,
  useStoredCourses,
} from '../state/live';
import { byLanguagePreference } from './course-languages';
import { courseRecap } from './course-recap';
import { CourseWishes } from './CourseWishes';
import { Html } from './Html';
import { nextCourseAfter } from './learner-courses';
import { courseTexts } from '../screens/course-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  courseId: string;
}

type Candidate = Pick<CourseMeta, 'id' | 'title' | 'summary' | 'language' | 'translations'> & {
  lessonIds?: string[];
};

export function CourseComplete({ courseId }: Props) {
  const i18n = useI18n();
  const tc = useTexts(courseTexts);
  const { t } = i18n;
  const state = useAppState();
  const overview = useCourseOverview(courseId);
  const lessons = useCourseLessons(courseId);
  const stored = useStoredCourses();
  const elsewhere = useProgressWithoutBundle();
  useEffect(() => {
    void state.loadCatalogue();
  }, []);
  if (!overview || !lessons || !stored || !elsewhere) return null;

  const { course } = overview;
  const recap = courseRecap(course.outline, lessons, overview.progress);
  const catalogue = state.catalogue.value;
  // Offline without a catalogue, the courses on the device still have a next one to offer.
  const candidates: Candidate[] =
    catalogue.status === 'loaded' || catalogue.status === 'loading'
      ? (catalogue.entries ?? [])
      : stored.map((o) => ({ ...o.course, lessonIds: o.course.outline.map((l) => l.id) }));
  const startedIds = new Set([
    ...stored.filter((o) => o.lastActive > 0).map((o) => o.course.id),
    ...elsewhere.filter((p) => p.lastActive > 0).map((p) => p.courseId),
  ]);
  const next = nextCourseAfter(course, byLanguagePreference(candidates, i18n.lang), startedIds);
  const firstLesson = next?.lessonIds?.[0];

  return (
    <div class="course-complete">
      <ul class="recap">
        <li>{tc('complete.lessons', { count: recap.completed })}</li>
        {recap.quiz && (
          <li>{tc('complete.quiz', { right: recap.quiz.right, total: recap.quiz.total })}</li>
        )}
        {recap.minutes > 0 && <li>{tc('complete.minutes', { count: recap.minutes })}</li>}
      </ul>
      <section class="next-course" aria-labelledby="next-course-heading">
        <h3 id="next-course-heading">{tc('complete.nextHeading')}</h3>
        {next ? (
          <>
            <p id="next-course-title" class="next-course-title" lang={next.language}>
              {next.title}
            </p>
            <p class="actions">
              <a
                class="button"
                href={firstLesson ? paths.lesson(next.id, firstLesson) : paths.course(next.id)}
                aria-describedby="next-course-title"
              >
                {tc('complete.startNext')}
              </a>
            </p>
          </>
        ) : (
          <p>
            {tc('complete.allStarted')} <a href={paths.catalogue}>{t('home.browse')}</a>
          </p>
        )}
      </section>
      {recap.unticked.length > 0 && (
        <section class="left-to-do" aria-labelledby="left-to-do-heading">
          <h3 id="left-to-do-heading">{tc('complete.leftHeading')}</h3>
          {recap.unticked.map(({ lessonId, title, items }) => (
            <div key={lessonId}>
              <p>
                <a href={paths.lesson(course.id, lessonId)}>
                  {tc('complete.leftLesson', { title })}
                </a>
              </p>
              <ul lang={course.language}>
                {items.map((item) => (
                  <li key={item.id}>
                    <Html html={item.html} inline />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {recap.finishedBy && (
        <CourseWishes
          courseId={course.id}
          lessonId={recap.finishedBy}
          progress={overview.progress}
        />
      )}
    </div>
  );
}
