// The lesson player screen (a lazily loaded chunk): the lesson from IndexedDB, its player by kind,
// course progress, its sources and when they were last checked, and links to the previous and
// next lessons, and what changed since the learner completed it. Records the opening and the active time spent, and starts the full download of a
// course the learner starts while online.
// Offline, a lesson of a course that is not downloaded is not opened (its images would be
// missing): a sentence says why. A lesson already on screen is never taken away.
import { useEffect, useRef } from 'preact/hooks';
import {
  newestChange,
  type ChecklistLesson,
  type LessonChange,
  type QuizLesson,
  type ReadingLesson,
  type ReflectionLesson,
} from '../../shared/course';
import { emptyProgress } from '../../shared/progress';
import { LessonChangeNotice } from '../components/ChangeNotices';
import { LessonKindLabel } from '../components/LessonKindLabel';
import { lessonTime } from '../components/course-facts';
import { LessonSources } from '../components/LessonSources';
import { MetaLine } from '../components/MetaLine';
import { PageHeading } from '../components/PageHeading';
import { ProgressBar } from '../components/ProgressBar';
import { unseenChange } from '../../client-core/db/change-notices';
import { openLesson } from '../../client-core/db/learner-actions';
import type { StoredLesson } from '../../client-core/db/db';
import type { CourseOverview } from '../../client-core/db/views';
import { errorSentence } from '../i18n/errors';
import { ChecklistPlayer } from '../player/ChecklistPlayer';
import { QuizPlayer } from '../player/QuizPlayer';
import { ReadingPlayer } from '../player/ReadingPlayer';
import { ReflectionPlayer } from '../player/ReflectionPlayer';
import type { Completion, PlayerProps } from '../player/types';
import { useTimeSpent } from '../player/use-time-spent';
import { useAutoDownload } from '../offline/auto-download';
import { paths } from '../routes';
import { useAppState, useI18n } from '../state/context';
import { useLessonView } from '../state/live';
import { useCourse } from '../state/use-course';
import { courseTexts } from './course-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  courseId?: string;
  lessonId?: string;
}

export function LessonScreen({ courseId = '', lessonId = '' }: Props) {
  // A new lesson is a new player: no state carries over from the previous one.
  return <LessonView key={`${courseId}/${lessonId}`} courseId={courseId} lessonId={lessonId} />;
}

function LessonView({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { t } = useI18n();
  const tc = useTexts(courseTexts);
  const state = useAppState();
  const course = useCourse(courseId);
  const view = useLessonView(courseId, lessonId);
  const overview = course.status === 'ready' ? course.overview : null;
  const opened = useRef(false);
  const blocked =
    !opened.current &&
    overview !== null &&
    !overview.availableOffline &&
    !state.connectivity.online.value;
  const lesson = course.status === 'ready' && !blocked ? view?.lesson : undefined;
  const shown = Boolean(lesson);
  useAutoDownload(state, shown ? overview : null);

  // The change to tell about is the one unseen when the lesson opened: opening records it as
  // seen, and the notice stays on screen for this visit.
  const notice = useRef<LessonChange | undefined>(undefined);
  if (lesson && !opened.current)
    notice.current = unseenChange(newestChange(lesson), view?.progress ?? undefined);
  if (shown) opened.current = true;
  useEffect(() => {
    if (!shown || !lesson) return;
    openLesson(courseId, lessonId, undefined, newestChange(lesson)?.date).catch((error: unknown) =>
      console.error(error),
    );
  }, [shown]);
  useTimeSpent(courseId, lessonId, shown);

  const missing =
    course.status === 'notFound' ||
    course.status === 'removed' ||
    (course.status === 'ready' && view?.lesson === null);
  const unreachable = blocked || (course.status === 'error' && !state.connectivity.online.value);
  const title = lesson
    ? lesson.title
    : unreachable
      ? t('download.unavailable')
      : missing
        ? tc('lesson.notFoundTitle')
        : tc('lesson.loading');

  return (
    <div class="screen lesson-screen">
      {course.status === 'ready' && (
        <p class="breadcrumb">
          <a href={paths.course(courseId)} lang={course.overview.course.language}>
            <span aria-hidden="true">‹</span>
            {course.overview.course.title}
          </a>
        </p>
      )}
      <PageHeading title={title}>
        {lesson && course.status === 'ready' ? (
          <span lang={course.overview.course.language}>{title}</span>
        ) : undefined}
      </PageHeading>
      {lesson && course.status === 'ready' && (
        <Lesson
          overview={course.overview}
          lesson={lesson}
          change={notice.current}
          progress={view?.progress ?? emptyProgress(courseId, lessonId)}
        />
      )}
      {unreachable && (
        <div class="notice" role="alert">
          <p>{tc('lesson.unavailableText')}</p>
          <p>
            <a href={course.status === 'ready' ? paths.course(courseId) : paths.catalogue}>
              {course.status === 'ready' ? tc('lesson.backToCourse') : tc('course.backToCatalogue')}
            </a>
          </p>
        </div>
      )}
      {missing && !unreachable && (
        <>
          <p>
            {course.status === 'notFound'
              ? tc('course.notFoundText')
              : course.status === 'removed'
                ? tc('course.removedText')
                : tc('lesson.notFoundText')}
          </p>
          <p>
            <a href={course.status === 'ready' ? paths.course(courseId) : paths.catalogue}>
              {course.status === 'ready' ? tc('lesson.backToCourse') : tc('course.backToCatalogue')}
            </a>
          </p>
        </>
      )}
      {course.status === 'error' && !unreachable && (
        <div class="notice" role="alert">
          <p>{errorSentence(t, course.error)}</p>
          <p>
            <button type="button" class="button" onClick={course.retry}>
              {tc('course.retry')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}

interface LessonProps {
  overview: CourseOverview;
  lesson: StoredLesson;
  /** A change made since the learner completed the lesson, shown above the player. */
  change: LessonChange | undefined;
  progress: PlayerProps<StoredLesson>['progress'];
}

function Lesson({ overview, lesson, change, progress }: LessonProps) {
  const i18n = useI18n();
  const tc = useTexts(courseTexts);
  const { course, summary } = overview;
  const outline = course.outline;
  const index = outline.findIndex((l) => l.id === lesson.id);
  const previous = index > 0 ? outline[index - 1] : undefined;
  const following = index >= 0 ? outline[index + 1] : undefined;
  // After the last lesson, lead to the first one still open (if any).
  const next =
    following ??
    (summary.nextLessonId !== lesson.id
      ? outline.find((l) => l.id === summary.nextLessonId)
      : undefined);
  const completion: Completion = { courseId: course.id, next, courseFinished: summary.finished };
  const base = { courseId: course.id, progress, contentLang: course.language, completion };

  return (
    <>
      <MetaLine
        items={[
          tc('lesson.position', { index: index + 1, total: outline.length }),
          <LessonKindLabel kind={lesson.kind} />,
          ...lessonTime(i18n, lesson),
        ]}
      />
      <ProgressBar percent={summary.percent} label={tc('course.progressLabel')} />
      {change && <LessonChangeNotice change={change} lang={course.language} />}
      <div class="player">
        <Player lesson={lesson} base={base} />
      </div>
      <LessonSources sources={lesson.sources} checked={lesson.checked} lang={course.language} />
      {(previous || following) && (
        <nav class="pager" aria-label={tc('lesson.pagerLabel')}>
          {previous && (
            <a class="pager-link pager-previous" href={paths.lesson(course.id, previous.id)}>
              {tc('lesson.previous', { title: previous.title })}
            </a>
          )}
          {following && (
            <a class="pager-link pager-next" href={paths.lesson(course.id, following.id)}>
              {tc('lesson.next', { title: following.title })}
            </a>
          )}
        </nav>
      )}
    </>
  );
}

type Base = Omit<PlayerProps<StoredLesson>, 'lesson'>;

function Player({ lesson, base }: { lesson: StoredLesson; base: Base }) {
  switch (lesson.kind) {
    case 'reading':
      return <ReadingPlayer {...base} lesson={lesson as ReadingLesson} />;
    case 'quiz':
      return <QuizPlayer {...base} lesson={lesson as QuizLesson} />;
    case 'checklist':
      return <ChecklistPlayer {...base} lesson={lesson as ChecklistLesson} />;
    case 'reflection':
      return <ReflectionPlayer {...base} lesson={lesson as ReflectionLesson} />;
  }
}
