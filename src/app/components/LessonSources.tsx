// The end of a lesson: what it is based on ("Kilder") and the day an author last checked it
// against those sources. Lessons stored before lessons had sources lack both fields: nothing then.
import type { Source } from '../../shared/course';
import { useI18n } from '../state/context';

interface Props {
  /** Optional: absent on lessons stored by an app version before lesson sources. */
  sources?: Source[];
  /** ISO date `YYYY-MM-DD`; optional for the same reason. */
  checked?: string;
  /** Content language of the course, for the source titles. */
  lang: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of an ISO calendar date, or null when it is not a real `YYYY-MM-DD` date. */
export function parseIsoDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: such a date was never valid.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? ms : null;
}

const MARKER = '{date}';

export function LessonSources({ sources, checked, lang }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const list = Array.isArray(sources) ? sources.filter((s) => typeof s?.title === 'string') : [];
  const day = parseIsoDay(checked);
  if (list.length === 0 && day === null) return null;
  // The translated sentence with the date as an element: "Sist kontrollert <time>…</time>".
  const [before = '', after = ''] = t('lesson.checked', { date: MARKER }).split(MARKER);

  return (
    <section class="lesson-sources" aria-labelledby="lesson-sources-heading">
      <h2 id="lesson-sources-heading">{t('lesson.sourcesHeading')}</h2>
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
          {before}
          <time dateTime={checked}>{i18n.calendarDate(day)}</time>
          {after}
        </p>
      )}
    </section>
  );
}
