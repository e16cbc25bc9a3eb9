// The catalogue: every published course from the server, courses in the learner's language first,
// with a search over titles and summaries, a note when no course is in the interface language,
// progress for the ones started (also progress from another device whose course is not on this
// one), "Start" or "Fortsett", links to translations, whether each works offline, its download
// controls and "Last ned alt". Without a connection it shows the catalogue the service
// worker kept (no request is made), or else the courses stored on the device, and says so.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CatalogueEntry } from '../../shared/course';
import type { DownloadRow } from '../../client-core/db/db';
import { CourseCard, cardTitleId } from '../components/CourseCard';
import { byLanguagePreference } from '../components/course-languages';
import { searchCourses, searchWords } from '../components/course-search';
import { listedCourse } from '../components/learner-courses';
import { DownloadAll, DownloadControls } from '../components/lazy-downloads';
import { PageHeading } from '../components/PageHeading';
import { PersistenceNote } from '../components/PersistenceNote';
import type { CourseOverview, ProgressWithoutBundle } from '../../client-core/db/views';
import { errorSentence } from '../i18n/course-errors';
import { isConnectionFailure } from '../state/app-state';
import { useAppState, useI18n } from '../state/context';
import { useDownloadRecords, useProgressWithoutBundle, useStoredCourses } from '../state/live';

export function CatalogueScreen() {
  const { t, lang } = useI18n();
  const state = useAppState();
  const catalogue = state.catalogue.value;
  const online = state.connectivity.online.value;
  const stored = useStoredCourses();
  const records = useDownloadRecords();
  const elsewhere = useProgressWithoutBundle();
  const [query, setQuery] = useState('');
  const byId = new Map<string, CourseOverview>(stored?.map((o) => [o.course.id, o]));
  const progressById = new Map<string, ProgressWithoutBundle>(
    elsewhere?.map((p) => [p.courseId, p]),
  );
  const rows = new Map<string, DownloadRow>(records?.map((r) => [r.courseId, r]));

  useEffect(() => {
    void state.loadCatalogue();
  }, []);

  const entries =
    catalogue.status === 'loaded' || catalogue.status === 'loading' ? catalogue.entries : undefined;

  return (
    <div class="screen">
      <PageHeading title={t('catalogue.title')} />
      <p class="lead">{t('catalogue.intro')}</p>
      {entries && !online && (
        <p class="notice" role="status">
          {t('catalogue.offline')}
        </p>
      )}
      {entries && entries.length > 0 && !entries.some((entry) => entry.language === lang) && (
        <p class="notice language-note">{t('catalogue.languageNote')}</p>
      )}
      {entries ? (
        entries.length === 0 ? (
          <p>{t('catalogue.empty')}</p>
        ) : (
          <>
            <CourseSearch entries={entries} query={query} onQuery={setQuery} />
            {stored && <DownloadAll entries={entries} stored={byId} />}
            <PersistenceNote />
            <ul class="card-list">
              {searchCourses(byLanguagePreference(entries, lang), query).map((entry) => (
                <CourseCard
                  key={entry.id}
                  listed={listedCourse(entry.id, {
                    entry,
                    overview: byId.get(entry.id),
                    elsewhere: progressById.get(entry.id),
                  })!}
                  catalogue={entries}
                >
                  {stored && records && (
                    <DownloadControls
                      courseId={entry.id}
                      entry={entry}
                      overview={byId.get(entry.id) ?? null}
                      download={rows.get(entry.id) ?? null}
                      describedBy={cardTitleId(entry.id)}
                    />
                  )}
                </CourseCard>
              ))}
            </ul>
          </>
        )
      ) : catalogue.status === 'error' ? (
        <Offline error={catalogue.error} stored={stored} retry={() => state.loadCatalogue()} />
      ) : (
        <p role="status">{t('catalogue.loading')}</p>
      )}
    </div>
  );
}

interface OfflineProps {
  error: unknown;
  stored: CourseOverview[] | undefined;
  retry: () => void;
}

function Offline({ error, stored, retry }: OfflineProps) {
  const { t } = useI18n();
  return (
    <>
      <div class="notice" role="alert">
        <p>{isConnectionFailure(error) ? t('error.catalogueOffline') : errorSentence(t, error)}</p>
        <p>
          <button type="button" class="button secondary" onClick={retry}>
            {t('catalogue.retry')}
          </button>
        </p>
      </div>
      <section aria-labelledby="stored-heading">
        <h2 id="stored-heading">{t('catalogue.storedHeading')}</h2>
        {stored && stored.length === 0 && <p>{t('catalogue.storedNone')}</p>}
        {stored && stored.length > 0 && (
          <ul class="card-list">
            {stored.map((overview) => (
              <CourseCard
                key={overview.course.id}
                listed={listedCourse(overview.course.id, { overview })!}
                level={3}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

interface SearchProps {
  entries: readonly CatalogueEntry[];
  query: string;
  onQuery: (query: string) => void;
}

/** The search field, the number of courses found (announced politely while typing) and, when
 * nothing matches, a sentence and a way back to every course. */
function CourseSearch({ entries, query, onQuery }: SearchProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const searching = searchWords(query).length > 0;
  const found = searchCourses(entries, query).length;
  const clear = () => {
    onQuery('');
    input.current?.focus();
  };
  return (
    <form class="course-search field" role="search" onSubmit={(event) => event.preventDefault()}>
      <label for="course-search">{t('catalogue.searchLabel')}</label>
      <p id="course-search-hint" class="hint">
        {t('catalogue.searchHint')}
      </p>
      <input
        ref={input}
        id="course-search"
        class="text-input"
        type="search"
        autocomplete="off"
        spellcheck={false}
        aria-describedby="course-search-hint"
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      <p class="search-count" role="status">
        {searching && found > 0 ? t('catalogue.searchCount', { count: found }) : ''}
        {searching && found === 0 ? t('catalogue.searchNone', { query: query.trim() }) : ''}
      </p>
      {searching && found === 0 && (
        <p class="actions">
          <button type="button" class="button secondary" onClick={clear}>
            {t('catalogue.searchClear')}
          </button>
        </p>
      )}
    </form>
  );
}
