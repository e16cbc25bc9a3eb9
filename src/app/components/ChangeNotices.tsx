// Tells a learner that lessons they completed have changed since: on the lesson itself (what
// changed), and as a list on the course page and the home screen, until they open the lesson.
import type { LessonChange } from '../../shared/course';
import type { ChangedLesson } from '../../client-core/db/change-notices';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import { DatedText } from './DatedText';

/** On a lesson: the newest change, in the course's language, above the player. */
export function LessonChangeNotice({ change, lang }: { change: LessonChange; lang: string }) {
  const { t } = useI18n();
  return (
    <section class="notice change-notice" aria-labelledby="change-heading">
      <h2 id="change-heading">
        <DatedText sentence={(date) => t('changes.updatedOn', { date })} date={change.date} />
      </h2>
      <p lang={lang}>{change.summary}</p>
      <p class="meta">{t('changes.lessonText')}</p>
    </section>
  );
}

/** One changed lesson of one course, as the lists show it. */
export interface ChangedEntry extends ChangedLesson {
  courseId: string;
  /** The course's title, on the home screen where lessons of several courses are listed. */
  courseTitle?: string;
  lang: string;
}

/** Home and course page: "2 leksjoner du har tatt, er oppdatert", each with a link and what
 * changed. Nothing when there are none. */
export function ChangedLessons({ entries }: { entries: ChangedEntry[] }) {
  const { t } = useI18n();
  if (entries.length === 0) return null;
  return (
    <section class="notice change-notice" aria-labelledby="changed-heading">
      <h2 id="changed-heading">{t('changes.count', { count: entries.length })}</h2>
      <p>{t('changes.listIntro')}</p>
      <ul class="changed-lessons">
        {entries.map(({ courseId, courseTitle, lang, lesson, change }) => (
          <li key={`${courseId}/${lesson.id}`}>
            <a href={paths.lesson(courseId, lesson.id)} lang={lang}>
              {courseTitle ? `${courseTitle}: ${lesson.title}` : lesson.title}
            </a>
            <p class="meta">
              <DatedText sentence={(date) => t('changes.updatedOn', { date })} date={change.date} />
              {': '}
              <span lang={lang}>{change.summary}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
