// The learners of a garden as a table: name (linking to "Forbered samtale"), firm, courses
// started and completed, minutes, last activity, last sync and the "Trenger oppfølging" flag. On
// a narrow screen the table scrolls sideways inside its own labelled, focusable region, so the
// page itself never does.
import { useId } from 'preact/hooks';
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import type { LearnerRow } from './garden-table';
import { advisorTexts } from './texts';

interface Props {
  gardenId: string;
  gardenName: string;
  rows: readonly LearnerRow[];
}

export function LearnerTable({ gardenId, gardenName, rows }: Props) {
  const t = useTexts(advisorTexts);
  const i18n = useI18n();
  const captionId = useId();
  const hintId = useId();
  const when = (ms: number | null) =>
    ms === null ? t('row.never') : `${i18n.date(ms)} ${i18n.time(ms)}`;
  return (
    <div
      class="table-scroll"
      role="region"
      aria-labelledby={captionId}
      aria-describedby={hintId}
      tabIndex={0}
    >
      <p id={hintId} class="visually-hidden">
        {t('table.scrollHint')}
      </p>
      <table class="learner-table">
        <caption id={captionId}>{t('table.caption', { garden: gardenName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.firm')}</th>
            <th scope="col">{t('col.courses')}</th>
            <th scope="col" class="numeric">
              {t('col.minutes')}
            </th>
            <th scope="col">{t('col.activity')}</th>
            <th scope="col">{t('col.sync')}</th>
            <th scope="col">{t('col.followUp')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ learner, started, completed, minutes }) => (
            <tr key={learner.id} class={learner.needsFollowUp ? 'follow-up' : undefined}>
              <th scope="row">
                <a
                  href={paths.advisorLearner(gardenId, learner.id)}
                  aria-label={t('row.prepare', { name: learner.displayName })}
                >
                  {learner.displayName}
                </a>
              </th>
              <td>{learner.firm?.name ?? t('row.noFirm')}</td>
              <td>{t('row.courses', { started, completed })}</td>
              <td class="numeric">{i18n.number(minutes)}</td>
              <td>{when(learner.lastActivityAt)}</td>
              <td>{when(learner.lastSyncAt)}</td>
              <td>{learner.needsFollowUp && <span class="flag">{t('row.flag')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
