// "Forbered samtale" (/radgiver/hage/:gardenId/elev/:learnerId): one learner as their advisor
// sees them — per course the lessons with their state and minutes, the reflections the learner
// shared, and the course's suggestions for the advisor beside them (a reflection lesson's
// `advisor` text), with lesson titles from the course where this device has it. Through the
// advisor's offline copy (use-copied.ts): shown offline with its time. Prints cleanly
// (learner.css). Only what the server sent is shown; the server decides what that is.
import { useEffect, useState } from 'preact/hooks';
import type { StoredLesson } from '../../client-core/db/db';
import type { LearnerCourse, LearnerDetail, LearnerLesson } from '../../shared/network-protocol';
import { Html } from '../components/Html';
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import type { TranslateOf } from '../i18n/types';
import { paths } from '../routes';
import { useAppState, useI18n } from '../state/context';
import { useCourseLessons, useCourseOverview } from '../state/live';
import { CopyNotice } from './CopyNotice';
import { learnerTexts } from './learner-texts';
import { useLearnerDetail } from './use-copied';
import { LoadingLine, ViewError } from './ViewStates';
import './advisor.css';
import './learner.css';

type LearnerT = TranslateOf<typeof learnerTexts.nb>;

interface Props {
  gardenId?: string;
  learnerId?: string;
}

export function LearnerScreen({ gardenId = '', learnerId = '' }: Props) {
  const t = useTexts(learnerTexts);
  const store = useLearnerDetail(gardenId, learnerId);
  const state = store.state.value;
  const refresh = () => void store.refresh();
  return (
    <div class="screen learner-screen">
      <p class="breadcrumb no-print">
        <a href={paths.advisorGarden(gardenId)}>
          <span aria-hidden="true">‹</span>
          {t('back')}
        </a>
      </p>
      <PageHeading
        title={
          state.kind === 'ready'
            ? t('titleWith', { name: state.data.value.learner.displayName })
            : t('title')
        }
      />
      {state.kind === 'loading' && <LoadingLine text={t('loading')} />}
      {state.kind === 'error' && <ViewError code={state.code} onRetry={refresh} />}
      {state.kind === 'ready' && (
        <>
          <div class="no-print">
            <CopyNotice
              fetchedAt={state.data.fetchedAt}
              fromCopy={state.data.fromCopy}
              error={state.data.error}
              refreshing={state.refreshing}
              onRefresh={refresh}
            />
          </div>
          <LearnerView detail={state.data.value} />
        </>
      )}
    </div>
  );
}

function LearnerView({ detail }: { detail: LearnerDetail }) {
  const t = useTexts(learnerTexts);
  const { date, time } = useI18n();
  const { learner } = detail;
  const when = (ms: number | null) => (ms === null ? t('never') : `${date(ms)}, ${time(ms)}`);
  const lessonsOf = new Map(detail.courses.map((course) => [course.courseId, course.lessons]));
  return (
    <>
      <p class="hint">{t('privacy')}</p>
      <dl class="facts learner-facts">
        <div>
          <dt>{t('firm')}</dt>
          <dd>{learner.firm?.name ?? t('noFirm')}</dd>
        </div>
        <div>
          <dt>{t('joined')}</dt>
          <dd>{date(learner.joinedAt)}</dd>
        </div>
        <div>
          <dt>{t('lastActivity')}</dt>
          <dd>{when(learner.lastActivityAt)}</dd>
        </div>
        <div>
          <dt>{t('lastSync')}</dt>
          <dd>{when(learner.lastSyncAt)}</dd>
        </div>
      </dl>
      {learner.needsFollowUp && <p class="flag">{t('followUp')}</p>}
      <p class="actions no-print">
        <button type="button" class="button secondary" onClick={() => window.print()}>
          {t('print')}
        </button>
      </p>
      {learner.courses.length === 0 ? (
        <p class="empty">{t('noCourses')}</p>
      ) : (
        learner.courses.map((course) => (
          <CourseSection
            key={course.courseId}
            summary={course}
            lessons={lessonsOf.get(course.courseId) ?? []}
          />
        ))
      )}
    </>
  );
}

/** One lesson as the section lists it: the learner's lesson (if opened) with what the device
 * knows of the course's lesson. */
interface Row {
  id: string;
  title: string | null;
  kind: string | null;
  progress: LearnerLesson | null;
  body: StoredLesson | null;
}

/** The rows of a course: every lesson in course order when the course is stored, else the
 * lessons the learner opened, by id. */
function rowsOf(
  outline: { id: string; title: string; kind: string }[] | null,
  bodies: StoredLesson[] | undefined,
  lessons: LearnerLesson[],
): Row[] {
  const progress = new Map(lessons.map((lesson) => [lesson.lessonId, lesson]));
  const body = new Map((bodies ?? []).map((lesson) => [lesson.id, lesson]));
  if (!outline) {
    return lessons.map((lesson) => ({
      id: lesson.lessonId,
      title: null,
      kind: lesson.sharedReflection ? 'reflection' : null,
      progress: lesson,
      body: null,
    }));
  }
  const known = new Set(outline.map((lesson) => lesson.id));
  return [
    ...outline.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      kind: lesson.kind,
      progress: progress.get(lesson.id) ?? null,
      body: body.get(lesson.id) ?? null,
    })),
    // Lessons of an older version of the course, still in the learner's progress.
    ...lessons
      .filter((lesson) => !known.has(lesson.lessonId))
      .map((lesson) => ({
        id: lesson.lessonId,
        title: null,
        kind: lesson.sharedReflection ? 'reflection' : null,
        progress: lesson,
        body: null,
      })),
  ];
}

function CourseSection({ summary, lessons }: { summary: LearnerCourse; lessons: LearnerLesson[] }) {
  const t = useTexts(learnerTexts);
  const { date, time } = useI18n();
  const state = useAppState();
  const overview = useCourseOverview(summary.courseId);
  const bodies = useCourseLessons(summary.courseId);
  const [fetching, setFetching] = useState<'idle' | 'busy' | 'failed'>('idle');
  const catalogue = state.catalogue.value;
  const stored = overview?.course ?? null;
  useEffect(() => {
    if (overview === null) void state.loadCatalogue();
  }, [overview === null]);
  const entries =
    catalogue.status === 'loaded' || catalogue.status === 'loading' ? catalogue.entries : undefined;
  const title =
    stored?.title ??
    entries?.find((entry) => entry.id === summary.courseId)?.title ??
    summary.courseId;
  const rows = rowsOf(stored?.outline ?? null, bodies, lessons);
  const fetchCourse = async () => {
    setFetching('busy');
    try {
      await state.fetchCourse(summary.courseId);
      setFetching('idle');
    } catch {
      setFetching('failed');
    }
  };
  const headingId = `course-${summary.courseId}`;
  return (
    <section class="learner-course" aria-labelledby={headingId}>
      <h2 id={headingId} lang={stored?.language}>
        {title}
      </h2>
      <p class="meta">
        {summary.completed
          ? t('courseDone')
          : t('courseSummary', {
              completed: summary.lessonsCompleted,
              total: summary.lessonsTotal,
            })}{' '}
        · {t('minutes', { count: summary.minutes })}
        {summary.lastActivityAt !== null &&
          ` · ${t('lastActivity')}: ${date(summary.lastActivityAt)}, ${time(summary.lastActivityAt)}`}
      </p>
      {summary.needsFollowUp && <p class="flag">{t('followUp')}</p>}
      {overview === null && (
        <div class="notice no-print">
          <p>{t('notStored')}</p>
          <button
            type="button"
            class="button secondary"
            aria-disabled={fetching === 'busy' ? 'true' : undefined}
            onClick={() => fetching !== 'busy' && void fetchCourse()}
          >
            {fetching === 'busy' ? t('fetchingCourse') : t('fetchCourse')}
          </button>
          <p class="error" role="alert">
            {fetching === 'failed' ? t('fetchFailed') : ''}
          </p>
        </div>
      )}
      {/* Until the device has said whether it stores the course: no list of ids that titles
          replace a moment later. */}
      {overview !== undefined && (
        <ol class="learner-lessons" aria-label={t('lessons', { course: title })}>
          {rows.map((row) => (
            <LessonRow key={row.id} row={row} t={t} courseLang={stored?.language} />
          ))}
        </ol>
      )}
    </section>
  );
}

function LessonRow({ row, t, courseLang }: { row: Row; t: LearnerT; courseLang?: string }) {
  const { date } = useI18n();
  const { progress } = row;
  const stateText =
    progress === null
      ? t('notOpened')
      : progress.state === 'completed'
        ? progress.completedAt === null
          ? t('completed')
          : t('completedOn', { date: date(progress.completedAt) })
        : t('opened');
  const advisorHtml = row.body?.kind === 'reflection' ? row.body.advisorHtml : undefined;
  const reflection = row.kind === 'reflection';
  return (
    <li class={progress === null ? 'learner-lesson not-opened' : 'learner-lesson'}>
      <h3 class="learner-lesson-title" lang={row.title === null ? undefined : courseLang}>
        {row.title ?? <code>{row.id}</code>}
      </h3>
      <p class="meta">
        {stateText}
        {progress !== null &&
          progress.minutes > 0 &&
          ` · ${t('minutes', { count: progress.minutes })}`}
      </p>
      {reflection && (
        <div class="side-by-side">
          <div class="shared-reflection">
            <h4>{t('reflection')}</h4>
            {progress?.sharedReflection ? (
              <>
                <p class="reflection-text">{progress.sharedReflection.text}</p>
                <p class="hint">{t('sharedOn', { date: date(progress.sharedReflection.at) })}</p>
              </>
            ) : (
              <p class="hint">{t('notShared')}</p>
            )}
          </div>
          {advisorHtml && (
            <div class="advisor-suggestion">
              <h4>{t('suggestion')}</h4>
              <Html html={advisorHtml} class="prose" lang={courseLang} />
            </div>
          )}
        </div>
      )}
    </li>
  );
}
