// /innsikt (issue 15): aggregates of one course for an analyst (the whole network) or an advisor
// (the gardens they advise) — per lesson the funnel (started → completed, median minutes) and the
// answers to "Var dette nyttig for deg?", each as a chart with a table of the same numbers, the
// answers sent without an account (the whole network only), and the topics of "Hva vil du lære
// mer om?" — with filters for course, garden, county and period, the privacy rule in words, the
// CSV file of what is shown, and for an analyst the course's health with the texts for its
// authors. Online only: without a connection, or to anyone else, it says why.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import topics from 'virtual:course-topics';
import type { InsightAccess } from '../../shared/insight-access';
import type { AuthorTexts, CourseInsight } from '../../shared/insight-protocol';
import { csvFile, csvFileName, csvTable } from '../advisor/csv';
import { CsvDownload } from '../advisor/CsvDownload';
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import type { TranslateOf } from '../i18n/types';
import { paths } from '../routes';
import { useAppState, useI18n, useSync } from '../state/context';
import { useCourseOverview } from '../state/live';
import { BarChart } from './BarChart';
import { CourseHealth } from './CourseHealth';
import { createInsightStore, type Fetched, type InsightStore } from './insight-store';
import { insightTexts } from './insight-texts';
import {
  ANONYMOUS_COLUMNS,
  ANSWER_COLUMNS,
  choose,
  countiesOffered,
  csvCells,
  FUNNEL_COLUMNS,
  gardensOffered,
  hasAnonymous,
  lessonRows,
  NO_FILTERS,
  queryOf,
  recentQuarters,
  topicCsvCells,
  topicRows,
  valueOf,
  type InsightColumn,
  type InsightFilters,
  type TopicRow,
} from './insight-view';
import { InsightError, StatusLine } from './InsightStatus';
import { InsightTable } from './InsightTable';
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
        <InsightError code={access.code} onRetry={() => void store.loadAccess()} />
      )}
      {access.kind === 'ready' && <InsightBody access={access.value} store={store} />}
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
  // The texts for the authors: an analyst's, asked for only while no garden or county is chosen.
  const analyst = access.scope === 'network';
  const textsShown = analyst && filters.garden === '' && filters.county === '';
  const loadTexts = () => void (courseId && store.loadTexts(courseId));
  useEffect(() => {
    if (textsShown) loadTexts();
  }, [courseId, textsShown]);
  const fetched = store.texts.value;
  // Null while a garden or county is chosen; another course's texts are not this one's.
  const texts: Fetched<AuthorTexts> | null = !textsShown
    ? null
    : fetched === null || (fetched.kind === 'ready' && fetched.value.courseId !== courseId)
      ? { kind: 'loading' }
      : fetched;

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
          {insight?.kind === 'error' && <InsightError code={insight.code} onRetry={load} />}
          {insight?.kind === 'ready' && insight.value.courseId === courseId && (
            <CourseNumbers
              insight={insight.value}
              courseTitle={courseTitle}
              health={analyst && { texts, onRetryTexts: loadTexts }}
            />
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
  anonymousYes: t('insight.anonymousYes'),
  anonymousSome: t('insight.anonymousSome'),
  anonymousNo: t('insight.anonymousNo'),
});

/** Which series colour each column's bars. */
const BAR_CLASS: Record<InsightColumn, string> = {
  started: 'bar-started',
  completed: 'bar-completed',
  medianMinutes: '',
  yes: 'bar-yes',
  some: 'bar-some',
  no: 'bar-no',
  anonymousYes: 'bar-yes',
  anonymousSome: 'bar-some',
  anonymousNo: 'bar-no',
};

/** What the health section needs beside the numbers (an analyst's only). */
interface HealthProps {
  /** The texts for the authors; null while a garden or county is chosen. */
  texts: Fetched<AuthorTexts> | null;
  onRetryTexts: () => void;
}

function CourseNumbers({
  insight,
  courseTitle,
  health,
}: {
  insight: CourseInsight;
  courseTitle: string;
  health: HealthProps | false;
}) {
  const t = useTexts(insightTexts);
  const { lang } = useI18n();
  const overview = useCourseOverview(insight.courseId);
  // Until the device has said whether it stores the course: no numbered lessons that titles
  // replace a moment later.
  if (overview === undefined) return <StatusLine text={t('insight.loading')} />;
  const titles = new Map(overview?.course.outline.map((lesson) => [lesson.id, lesson.title]));
  const rows = lessonRows(insight.lessons, titles, (number) => t('insight.lesson', { number }));
  const topicList = topicRows(insight.topics, topics, lang);
  const anonymous = hasAnonymous(insight.lessons);
  const headings = headingsOf(t);
  const fewer = t('insight.fewer');
  const anyHeldBack =
    topicList.some((topic) => topic.learners === null) ||
    rows.some(({ lesson }) =>
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
  const table = (id: string, caption: string, columns: readonly InsightColumn[]) => (
    <InsightTable
      id={id}
      caption={caption}
      headings={[t('insight.colLesson'), ...columns.map((column) => headings[column])]}
      rows={rows.map(({ label, lesson }) => ({
        key: lesson.lessonId,
        label,
        values: columns.map((column) => valueOf(lesson, column)),
      }))}
    />
  );
  // The lessons' table, then (after an empty line) the topics' table: the cells the page shows.
  const makeCsv = async () => {
    const lessons = csvCells(rows, { lesson: t('insight.colLesson'), ...headings }, fewer);
    const parts = [await csvTable(lessons.fields, lessons.data)];
    if (topicList.length > 0) {
      const wished = topicCsvCells(topicList, topicHeadings(t), fewer);
      parts.push(await csvTable(wished.fields, wished.data));
    }
    return {
      blob: csvFile(parts.join('\r\n\r\n')),
      file: csvFileName(`${t('insight.title')} ${courseTitle}`, Date.now()),
    };
  };
  return (
    <>
      <section aria-labelledby="insight-funnel">
        <h2 id="insight-funnel">{t('insight.funnelHeading')}</h2>
        {chart(['started', 'completed'], t('insight.funnelChart', { count: rows.length }))}
        {table('insight-funnel-table', t('insight.funnelCaption'), FUNNEL_COLUMNS)}
      </section>
      <section aria-labelledby="insight-answers">
        <h2 id="insight-answers">{t('insight.answersHeading')}</h2>
        {chart(ANSWER_COLUMNS, t('insight.answersChart', { count: rows.length }))}
        {table('insight-answers-table', t('insight.answersCaption'), ANSWER_COLUMNS)}
        {anonymous ? (
          <>
            <h3>{t('insight.anonymousHeading')}</h3>
            <p>{t('insight.anonymousNote')}</p>
            {table('insight-anonymous-table', t('insight.anonymousCaption'), ANONYMOUS_COLUMNS)}
          </>
        ) : (
          health && <p class="hint">{t('insight.anonymousOnlyNetwork')}</p>
        )}
      </section>
      <TopicsSection rows={topicList} />
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
      {health && <CourseHealth rows={rows} {...health} />}
    </>
  );
}

const topicHeadings = (t: Texts) => ({
  topic: t('insight.colTopic'),
  learners: t('insight.learners'),
});

/** "Hva vil du lære mer om?": learners per topic, most chosen first, as a chart and a table. */
function TopicsSection({ rows }: { rows: readonly TopicRow[] }) {
  const t = useTexts(insightTexts);
  const headings = topicHeadings(t);
  return (
    <section aria-labelledby="insight-topics">
      <h2 id="insight-topics">{t('insight.topicsHeading')}</h2>
      {rows.length === 0 ? (
        <p>{t('insight.noTopics')}</p>
      ) : (
        <>
          <BarChart
            summary={t('insight.topicsChart', { count: rows.length })}
            series={[{ name: headings.learners, className: 'bar-started' }]}
            rows={rows.map(({ label, learners }) => ({ label, values: [learners] }))}
            fewer={t('insight.fewer')}
          />
          <InsightTable
            id="insight-topics-table"
            caption={t('insight.topicsCaption')}
            headings={[headings.topic, headings.learners]}
            rows={rows.map(({ topicId, label, learners }) => ({
              key: topicId,
              label,
              values: [learners],
            }))}
          />
        </>
      )}
    </section>
  );
}
