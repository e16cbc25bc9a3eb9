// /radgiver/hage/:gardenId: one business garden for its advisors — its firms with their
// learners, the learners' table with the "Trenger oppfølging" flag, sorting and filtering, the
// CSV file of the table, and the join codes and advisor invites (C2b's sections). Every page of
// learners is fetched (with a count while it runs); the view is kept on the device and shown
// with its time when offline (use-copied.ts).
import { useState } from 'preact/hooks';
import { AdvisorInvite } from './AdvisorInvite';
import { JoinCodes } from './JoinCodes';
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import { CopyNotice } from './CopyNotice';
import { CsvDownload } from './CsvDownload';
import { csvBlob, csvFileName } from './csv';
import {
  DEFAULT_CHOICES,
  learnersPerFirm,
  SORT_KEYS,
  tableRows,
  type FirmFilter,
  type LearnerRow,
  type TableChoices,
} from './garden-table';
import { LearnerTable } from './LearnerTable';
import type { GardenView } from './offline-copy';
import { advisorTexts } from './texts';
import { useGardenView } from './use-copied';
import { LoadingLine, ViewError } from './ViewStates';
import './advisor.css';

export function GardenScreen({ gardenId = '' }: { gardenId?: string }) {
  return <GardenPage key={gardenId} gardenId={gardenId} />;
}

function GardenPage({ gardenId }: { gardenId: string }) {
  const t = useTexts(advisorTexts);
  const store = useGardenView(gardenId);
  const state = store.state.value;
  const refresh = () => void store.refresh();
  const title = state.kind === 'ready' ? state.data.value.detail.garden.name : t('home.title');
  return (
    <div class="screen advisor">
      <p class="breadcrumb">
        <a href={paths.advisor}>← {t('garden.back')}</a>
      </p>
      <PageHeading title={title} />
      {state.kind === 'loading' && (
        <LoadingLine
          text={
            state.loaded === 0 ? t('garden.loading') : t('garden.loaded', { count: state.loaded })
          }
        />
      )}
      {state.kind === 'error' && <ViewError code={state.code} onRetry={refresh} />}
      {state.kind === 'ready' && (
        <>
          <CopyNotice {...state.data} refreshing={state.refreshing} onRefresh={refresh} />
          <GardenBody view={state.data.value} />
          {/* C2b's sections, each with its own h2; they work online only and say so. */}
          <JoinCodes gardenId={gardenId} />
          <AdvisorInvite gardenId={gardenId} />
        </>
      )}
    </div>
  );
}

function GardenBody({ view }: { view: GardenView }) {
  const t = useTexts(advisorTexts);
  const { garden, firms } = view.detail;
  const counts = learnersPerFirm(view.learners);
  const followUps = view.learners.filter((learner) => learner.needsFollowUp).length;
  return (
    <>
      <p class="meta">{[garden.municipality, garden.county].filter(Boolean).join(', ')}</p>
      <section aria-labelledby="garden-firms">
        <h2 id="garden-firms">{t('garden.firms')}</h2>
        {firms.length === 0 ? (
          <p class="hint">{t('garden.noFirms')}</p>
        ) : (
          <ul class="firm-list">
            {firms.map((firm) => (
              <li key={firm.id}>
                <span class="firm-name">{firm.name}</span>
                {firm.orgNumber && <span class="hint"> ({firm.orgNumber})</span>}
                <span class="hint">
                  {' · '}
                  {t('garden.firmLearners', { count: counts.get(firm.id) ?? 0 })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="garden-learners">
        <h2 id="garden-learners">{t('garden.learners')}</h2>
        {view.learners.length === 0 ? (
          <p>{t('garden.empty')}</p>
        ) : (
          <>
            {followUps > 0 && (
              <p>
                <span class="flag">{t('garden.followUpCount', { count: followUps })}</span>
              </p>
            )}
            <LearnersWithChoices view={view} />
          </>
        )}
      </section>
    </>
  );
}

function LearnersWithChoices({ view }: { view: GardenView }) {
  const t = useTexts(advisorTexts);
  const { locale } = useI18n();
  const [choices, setChoices] = useState<TableChoices>(DEFAULT_CHOICES);
  const rows = tableRows(view.learners, choices, locale);
  const choose = (change: Partial<TableChoices>) => setChoices((now) => ({ ...now, ...change }));
  return (
    <>
      <TableChoicesForm view={view} choices={choices} onChange={choose} />
      <p role="status" class="hint">
        {t('garden.shown', { count: rows.length, total: view.learners.length })}
      </p>
      {rows.length === 0 ? (
        <p>{t('garden.noMatch')}</p>
      ) : (
        <LearnerTable
          gardenId={view.detail.garden.id}
          gardenName={view.detail.garden.name}
          rows={rows}
        />
      )}
      <GardenCsv gardenName={view.detail.garden.name} rows={rows} />
    </>
  );
}

const firmValue = (firm: FirmFilter) => (firm.kind === 'firm' ? `firm:${firm.id}` : firm.kind);
const firmOf = (value: string): FirmFilter =>
  value.startsWith('firm:')
    ? { kind: 'firm', id: value.slice(5) }
    : value === 'none'
      ? { kind: 'none' }
      : { kind: 'all' };

interface ChoicesProps {
  view: GardenView;
  choices: TableChoices;
  onChange: (change: Partial<TableChoices>) => void;
}

function TableChoicesForm({ view, choices, onChange }: ChoicesProps) {
  const t = useTexts(advisorTexts);
  const sortLabel = {
    name: t('sort.name'),
    activity: t('sort.activity'),
    followUp: t('sort.followUp'),
  };
  const anyWithoutFirm = view.learners.some((learner) => learner.firm === null);
  return (
    <form class="table-choices" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('filter.legend')}</legend>
        <div class="field">
          <label for="learner-search">{t('filter.search')}</label>
          <input
            id="learner-search"
            type="search"
            value={choices.search}
            onInput={(e) => onChange({ search: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="learner-sort">{t('sort.label')}</label>
          <select
            id="learner-sort"
            value={choices.sort}
            onChange={(e) => onChange({ sort: e.currentTarget.value as TableChoices['sort'] })}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {sortLabel[key]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="learner-firm">{t('filter.firm')}</label>
          <select
            id="learner-firm"
            value={firmValue(choices.firm)}
            onChange={(e) => onChange({ firm: firmOf(e.currentTarget.value) })}
          >
            <option value="all">{t('filter.allFirms')}</option>
            {view.detail.firms.map((firm) => (
              <option key={firm.id} value={`firm:${firm.id}`}>
                {firm.name}
              </option>
            ))}
            {anyWithoutFirm && <option value="none">{t('filter.noFirm')}</option>}
          </select>
        </div>
        <label class="choice" for="learner-follow-up">
          <input
            id="learner-follow-up"
            type="checkbox"
            checked={choices.followUpOnly}
            onChange={(e) => onChange({ followUpOnly: e.currentTarget.checked })}
          />
          <span>{t('filter.followUp')}</span>
        </label>
      </fieldset>
    </form>
  );
}

function GardenCsv({ gardenName, rows }: { gardenName: string; rows: readonly LearnerRow[] }) {
  const t = useTexts(advisorTexts);
  const make = async () => ({
    blob: await csvBlob(rows, {
      name: t('col.name'),
      firm: t('col.firm'),
      orgNumber: t('csv.orgNumber'),
      started: t('csv.started'),
      completed: t('csv.completed'),
      minutes: t('col.minutes'),
      lastActivity: t('col.activity'),
      lastSync: t('col.sync'),
      followUp: t('row.flag'),
      yes: t('csv.yes'),
      no: t('csv.no'),
    }),
    file: csvFileName(gardenName, Date.now()),
  });
  return (
    <CsvDownload
      make={make}
      texts={{
        button: t('csv.button'),
        working: t('csv.working'),
        done: (file) => t('csv.done', { file }),
        failed: t('csv.failed'),
      }}
    />
  );
}
