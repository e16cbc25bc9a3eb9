// /innsikt (issue 15): aggregates of one course for an analyst (the whole network) or an advisor
// (the gardens they advise) — per lesson the funnel (started → completed, median minutes) and the
// answers to "Var dette nyttig for deg?", each as a chart with a table of the same numbers — with
// filters for course, garden, county and period, the privacy rule in words, and the CSV file of
// what is shown. Online only: without a connection, or to anyone else, it says why.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { InsightAccess } from '../../shared/insight-access';
import type { CourseInsight } from '../../shared/insight-protocol';
import { csvFile, csvFileName, csvTable } from '../advisor/csv';
import { CsvDownload } from '../advisor/CsvDownload';
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import type { TranslateOf } from '../i18n/types';
import { paths } from '../routes';
import { useAppState, useSync } from '../state/context';
import { useCourseOverview } from '../state/live';
import type { RequestErrorCode } from '../sync/requests';
import { BarChart } from './BarChart';
import { createInsightStore, type InsightStore } from './insight-store';
import { insightTexts } from './insight-texts';
import {
  ANSWER_COLUMNS,
  choose,
  countiesOffered,
  csvCells,
  FUNNEL_COLUMNS,
  gardensOffered,
  lessonRows,
  NO_FILTERS,
  queryOf,
  recentQuarters,
  valueOf,
  type InsightColumn,
  type InsightFilters,
  type LessonRow,
} from './insight-view';
import '../advisor/advisor.css';
import './insight.css';

type Texts = TranslateOf<typeof insightTexts.nb>;

export function InsightScreen() {
  const t = useTexts(insightTexts);
  const sync = useSync();
  const online = useAppState().connectivity.online.value;
  const store = useMemo(() => createInsightStore(sync), [sync]);
  const account = sync.account.value;
  // Asked again when someone signs in or out, and when the connection comes back.
  useEffect(() => {
    if (account !== undefined) void store.loadAccess();
  }, [store, account?.id, online]);
  const access = store.access.value;
  return (
    <div class="screen insight">
      <PageHeading title={t('insight.title')} />
      <p class="lead">{t('insight.intro')}</p>
      {access.kind === 'loading' && <StatusLine text={t('insight.loading')} />}
      {access.kind === 'error' && (
        <InsightError t={t} code={access.code} onRetry={() => void store.loadAccess()} />
      )}
      {access.kind === 'ready' && <InsightBody access={access.value} store={store} />}
    </div>
  );
}

function StatusLine({ text }: { text: string }) {
  return (
    <p class="hint" role="status">
      {text}
    </p>
  );
}

/** Why nothing can be shown, in words, and what to do. */
function InsightError({
  t,
  code,
  onRetry,
}: {
  t: Texts;
  code: RequestErrorCode;
  onRetry: () => void;
}) {
  if (code === 'signed_out') {
    return (
      <div class="notice" role="alert">
        <p>{t('insight.signedOut')}</p>
        <p>
          <a href={paths.account}>{t('insight.signIn')}</a>
        </p>
      </div>
    );
  }
  if (code === 'forbidden') {
    return (
      <div class="notice" role="alert">
        <p>{t('insight.noAccess')}</p>
      </div>
    );
  }
  const message =
    code === 'offline'
      ? t('insight.offline')
      : code === 'server'
        ? t('insight.server')
        : code === 'rate_limited'
          ? t('insight.rateLimited')
          : t('insight.failed');
  return (
    <div class="notice" role="alert">
      <p>{message}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('insight.retry')}
      </button>
    </div>
  );
}

function InsightBody({ access, store }: { access: InsightAccess; store: InsightStore }) {
  const t = useTexts(insightTexts);
  const state = useAppState();
  useEffect(() => void state.loadCatalogue(), [state]);
  const catalogue = state.catalogue.value;
  const entries =
    catalogue.status === 'loaded' || catalogue.status === 'loading' ? catalogue.entries : undefined;
  const [chosenCourse, setChosenCourse] = useState('');
  const [filters, setFilters] = useState<InsightFilters>(NO_FILTERS);
  const courseId = chosenCourse || entries?.[0]?.id || '';
  const query = queryOf(filters);
  const asked = JSON.stringify([courseId, query]);
  const load = () => void (courseId && store.loadInsight(courseId, query));
  useEffect(load, [asked]);
  const quarters = useMemo(() => recentQuarters(Date.now()), []);
  const quarterName = (quarter: string) =>
    t('insight.quarter', { year: quarter.slice(0, 4), quarter: quarter.slice(6) });
  const set = (change: Partial<InsightFilters>) => setFilters((now) => choose(access, now, change));
  const insight = store.insight.value;
  const courseTitle = entries?.find((entry) => entry.id === courseId)?.title ?? courseId;

  return (
    <>
      <p>
        {access.scope === 'network'
          ? t('insight.scopeNetwork')
          : t('insight.scopeGardens', { count: access.gardens.length })}
      </p>
      <p class="insight-rule">
        {t('insight.rule')} <a href={paths.privacy}>{t('insight.ruleLink')}</a>
      </p>
      {catalogue.status === 'error' ? (
        <div class="notice" role="alert">
          <p>{t('insight.failed')}</p>
          <button
            type="button"
            class="button"
            onClick={() => void state.loadCatalogue({ force: true })}
          >
            {t('insight.retry')}
          </button>
        </div>
      ) : entries === undefined ? (
        <StatusLine text={t('insight.coursesLoading')} />
      ) : entries.length === 0 ? (
        <p>{t('insight.noCourses')}</p>
      ) : (
        <>
          <form class="table-choices insight-filters" onSubmit={(e) => e.preventDefault()}>
            <fieldset>
              <legend>{t('insight.filters')}</legend>
              <FilterSelect
                id="insight-course"
                label={t('insight.course')}
                value={courseId}
                onChange={setChosenCourse}
              >
                {entries.map((entry) => (
                  <option key={entry.id} value={entry.id} lang={entry.language}>
                    {entry.title}
                  </option>
                ))}
              </FilterSelect>
              <FilterSelect
                id="insight-county"
                label={t('insight.county')}
                value={filters.county}
                onChange={(county) => set({ county })}
              >
                <option value="">{t('insight.allCounties')}</option>
                {countiesOffered(access).map((county) => (
                  <option key={county} value={county}>
                    {county}
                  </option>
                ))}
              </FilterSelect>
              <FilterSelect
                id="insight-garden"
                label={t('insight.garden')}
                value={filters.garden}
                onChange={(garden) => set({ garden })}
              >
                <option value="">{t('insight.allGardens')}</option>
                {gardensOffered(access, filters.county).map((garden) => (
                  <option key={garden.id} value={garden.id}>
                    {garden.name}
                  </option>
                ))}
              </FilterSelect>
              <FilterSelect
                id="insight-from"
                label={t('insight.from')}
                value={filters.from}
                onChange={(from) => set({ from })}
              >
                <option value="">{t('insight.fromStart')}</option>
                {quarters.map((quarter) => (
                  <option key={quarter} value={quarter}>
                    {quarterName(quarter)}
                  </option>
                ))}
              </FilterSelect>
              <FilterSelect
                id="insight-to"
                label={t('insight.to')}
                value={filters.to}
                onChange={(to) => set({ to })}
              >
                <option value="">{t('insight.toNow')}</option>
                {quarters.map((quarter) => (
                  <option key={quarter} value={quarter}>
                    {quarterName(quarter)}
                  </option>
                ))}
              </FilterSelect>
            </fieldset>
          </form>
          {insight?.kind === 'loading' && <StatusLine text={t('insight.loading')} />}
          {insight?.kind === 'error' && <InsightError t={t} code={insight.code} onRetry={load} />}
          {insight?.kind === 'ready' && insight.value.courseId === courseId && (
            <CourseNumbers insight={insight.value} courseTitle={courseTitle} />
          )}
        </>
      )}
    </>
  );
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}

/** The headings of the tables' columns (and the CSV file's). */
const headingsOf = (t: Texts): Record<InsightColumn, string> => ({
  started: t('insight.started'),
  completed: t('insight.completed'),
  medianMinutes: t('insight.median'),
  yes: t('insight.yes'),
  some: t('insight.some'),
  no: t('insight.no'),
});

/** Which series colour each column's bars. */
const BAR_CLASS: Record<InsightColumn, string> = {
  started: 'bar-started',
  completed: 'bar-completed',
  medianMinutes: '',
  yes: 'bar-yes',
  some: 'bar-some',
  no: 'bar-no',
};

function CourseNumbers({ insight, courseTitle }: { insight: CourseInsight; courseTitle: string }) {
  const t = useTexts(insightTexts);
  const overview = useCourseOverview(insight.courseId);
  // Until the device has said whether it stores the course: no numbered lessons that titles
  // replace a moment later.
  if (overview === undefined) return <StatusLine text={t('insight.loading')} />;
  const titles = new Map(overview?.course.outline.map((lesson) => [lesson.id, lesson.title]));
  const rows = lessonRows(insight.lessons, titles, (number) => t('insight.lesson', { number }));
  const headings = headingsOf(t);
  const fewer = t('insight.fewer');
  const anyHeldBack = rows.some(({ lesson }) =>
    [...FUNNEL_COLUMNS, ...ANSWER_COLUMNS].some((column) => valueOf(lesson, column) === null),
  );
  const chart = (columns: readonly InsightColumn[], summary: string) => (
    <BarChart
      summary={summary}
      series={columns.map((column) => ({ name: headings[column], className: BAR_CLASS[column] }))}
      rows={rows.map(({ label, lesson }) => ({
        label,
        values: columns.map((column) => valueOf(lesson, column)),
      }))}
      fewer={fewer}
    />
  );
  const makeCsv = async () => {
    const { fields, data } = csvCells(rows, { lesson: t('insight.colLesson'), ...headings }, fewer);
    return {
      blob: csvFile(await csvTable(fields, data)),
      file: csvFileName(`${t('insight.title')} ${courseTitle}`, Date.now()),
    };
  };
  return (
    <>
      <section aria-labelledby="insight-funnel">
        <h2 id="insight-funnel">{t('insight.funnelHeading')}</h2>
        {chart(['started', 'completed'], t('insight.funnelChart', { count: rows.length }))}
        <InsightTable
          id="insight-funnel-table"
          caption={t('insight.funnelCaption')}
          columns={FUNNEL_COLUMNS}
          rows={rows}
        />
      </section>
      <section aria-labelledby="insight-answers">
        <h2 id="insight-answers">{t('insight.answersHeading')}</h2>
        {chart(ANSWER_COLUMNS, t('insight.answersChart', { count: rows.length }))}
        <InsightTable
          id="insight-answers-table"
          caption={t('insight.answersCaption')}
          columns={ANSWER_COLUMNS}
          rows={rows}
        />
      </section>
      {anyHeldBack && <p class="hint">{t('insight.fewerNote')}</p>}
      <CsvDownload
        make={makeCsv}
        texts={{
          button: t('insight.csv'),
          working: t('insight.csvWorking'),
          done: (file) => t('insight.csvDone', { file }),
          failed: t('insight.csvFailed'),
        }}
      />
    </>
  );
}

function InsightTable({
  id,
  caption,
  columns,
  rows,
}: {
  id: string;
  caption: string;
  columns: readonly InsightColumn[];
  rows: readonly LessonRow[];
}) {
  const t = useTexts(insightTexts);
  const headings = headingsOf(t);
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table class="insight-table" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insight.colLesson')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {headings[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, lesson }) => (
            <tr key={lesson.lessonId}>
              <th scope="row">{label}</th>
              {columns.map((column) => {
                const value = valueOf(lesson, column);
                return (
                  <td key={column} class={value === null ? 'held-back' : undefined}>
                    {value ?? t('insight.fewer')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
