// "Kurshelse" on the insight page, for an analyst (issue 15): the three lessons with the lowest
// share of "Ja" and the three with the biggest drop-off in the selection, each with its figures,
// then the texts learners let the course authors read, by lesson and labelled "Kommentar" or
// "Ønske". The texts are the whole network's and are never shown next to a garden or a county:
// with either filter chosen the page says why instead.
import type { AuthorTexts } from '../../shared/insight-protocol';
import { useTexts } from '../i18n/feature-texts';
import { biggestDropOff, lowestYes, textsByLesson } from './course-health';
import type { Fetched } from './insight-store';
import { insightTexts } from './insight-texts';
import type { LessonRow } from './insight-view';
import { InsightError, StatusLine } from './InsightStatus';

interface Props {
  rows: readonly LessonRow[];
  /** The course's texts for its authors; null while a garden or county is chosen. */
  texts: Fetched<AuthorTexts> | null;
  onRetryTexts: () => void;
}

const percent = (share: number) => Math.round(share * 100);

export function CourseHealth({ rows, texts, onRetryTexts }: Props) {
  const t = useTexts(insightTexts);
  const lowYes = lowestYes(rows);
  const dropOff = biggestDropOff(rows);
  return (
    <section aria-labelledby="insight-health">
      <h2 id="insight-health">{t('insight.healthHeading')}</h2>
      <p>{t('insight.healthIntro')}</p>
      <h3>{t('insight.lowYesHeading')}</h3>
      {lowYes.length === 0 ? (
        <p>{t('insight.lowYesNone')}</p>
      ) : (
        <ol>
          {lowYes.map(({ row, yes, answers, share }) => (
            <li key={row.lesson.lessonId}>
              <strong>{row.label}</strong>:{' '}
              {t('insight.lowYesItem', { percent: percent(share), yes, answers })}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('insight.dropHeading')}</h3>
      {dropOff.length === 0 ? (
        <p>{t('insight.dropNone')}</p>
      ) : (
        <ol>
          {dropOff.map(({ row, started, completed, share }) => (
            <li key={row.lesson.lessonId}>
              <strong>{row.label}</strong>:{' '}
              {t('insight.dropItem', { percent: percent(share), started, completed })}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('insight.textsHeading')}</h3>
      <p>{t('insight.textsIntro')}</p>
      {texts === null ? (
        <p class="notice">{t('insight.textsFiltered')}</p>
      ) : texts.kind === 'loading' ? (
        <StatusLine text={t('insight.textsLoading')} />
      ) : texts.kind === 'error' ? (
        <InsightError code={texts.code} onRetry={onRetryTexts} />
      ) : texts.value.texts.length === 0 ? (
        <p>{t('insight.textsNone')}</p>
      ) : (
        textsByLesson(texts.value.texts, rows).map((group) => (
          <div key={group.lessonId}>
            <h4>{group.label}</h4>
            <ul>
              {group.texts.map(({ kind, text }, i) => (
                <li key={i}>
                  <strong>
                    {kind === 'lesson' ? t('insight.kindLesson') : t('insight.kindCourse')}:
                  </strong>{' '}
                  {text}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
