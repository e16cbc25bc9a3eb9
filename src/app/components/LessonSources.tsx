// The end of a lesson: what it is based on ("Kilder") and the day an author last checked it
// against those sources. Lessons stored before lessons had sources lack both fields: nothing then.
import type { Source } from '../../shared/course';
import { DatedText, parseIsoDay } from './DatedText';
import { courseTexts } from '../screens/course-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  /** Optional: absent on lessons stored by an app version before lesson sources. */
  sources?: Source[];
  /** ISO date `YYYY-MM-DD`; optional for the same reason. */
  checked?: string;
  /** Content language of the course, for the source titles. */
  lang: string;
}

export function LessonSources({ sources, checked, lang }: Props) {
  const tc = useTexts(courseTexts);
  const list = Array.isArray(sources) ? sources.filter((s) => typeof s?.title === 'string') : [];
  const day = parseIsoDay(checked);
  if (list.length === 0 && day === null) return null;

  return (
    <section class="lesson-sources" aria-labelledby="lesson-sources-heading">
      <h2 id="lesson-sources-heading">{tc('lesson.sourcesHeading')}</h2>
      {list.length > 0 && (
        <ul class="sources">
          {list.map((source, i) => (
            <li key={i} lang={lang}>
              {source.url ? <a href={source.url}>{source.title}</a> : source.title}
            </li>
          ))}
        </ul>
      )}
      {day !== null && (
        <p class="meta checked-date">
          <DatedText sentence={(date) => tc('lesson.checked', { date })} date={checked} />
        </p>
      )}
    </section>
  );
}
