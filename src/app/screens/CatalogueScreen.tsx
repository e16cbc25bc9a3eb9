// The catalogue: every published course from the server, courses in the learner's language first,
// with progress for the ones started, links to translations, whether each works offline, its
// download controls and "Last ned alt". Without a connection it shows the catalogue the service
// worker kept (no request is made), or else the courses stored on the device, and says so.
import { useEffect } from 'preact/hooks';
import type { DownloadRow } from '../db/db';
import { CourseCard, cardTitleId } from '../components/CourseCard';
import { byLanguagePreference } from '../components/course-languages';
import { DownloadAll, DownloadControls } from '../components/lazy-downloads';
import { PageHeading } from '../components/PageHeading';
import { PersistenceNote } from '../components/PersistenceNote';
import type { CourseOverview } from '../db/views';
import { errorSentence } from '../i18n/errors';
import { isConnectionFailure } from '../state/app-state';
import { useAppState, useI18n } from '../state/context';
import { useDownloadRecords, useStoredCourses } from '../state/live';

export function CatalogueScreen() {
  const { t, lang } = useI18n();
  const state = useAppState();
  const catalogue = state.catalogue.value;
  const online = state.online.value;
  const stored = useStoredCourses();
  const records = useDownloadRecords();
  const byId = new Map<string, CourseOverview>(stored?.map((o) => [o.course.id, o]));
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
      {entries ? (
        entries.length === 0 ? (
          <p>{t('catalogue.empty')}</p>
        ) : (
          <>
            {stored && <DownloadAll entries={entries} stored={byId} />}
            <PersistenceNote />
            <ul class="card-list">
              {byLanguagePreference(entries, lang).map((entry) => (
                <CourseCard
                  key={entry.id}
                  entry={entry}
                  overview={byId.get(entry.id)}
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
              <CourseCard key={overview.course.id} overview={overview} level={3} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
