// The catalogue: every published course from the server, with progress for the ones started.
// Without a connection it falls back to the courses stored on the device, and says so.
import { useEffect } from 'preact/hooks';
import { CourseCard } from '../components/CourseCard';
import { PageHeading } from '../components/PageHeading';
import type { CourseOverview } from '../db/views';
import { errorSentence } from '../i18n/errors';
import { CourseApiError } from '../offline/course-api';
import { useAppState, useI18n } from '../state/context';
import { useStoredCourses } from '../state/live';

export function CatalogueScreen() {
  const { t } = useI18n();
  const state = useAppState();
  const catalogue = state.catalogue.value;
  const stored = useStoredCourses();
  const byId = new Map<string, CourseOverview>(stored?.map((o) => [o.course.id, o]));

  useEffect(() => {
    void state.loadCatalogue();
  }, []);

  const entries =
    catalogue.status === 'loaded' || catalogue.status === 'loading' ? catalogue.entries : undefined;

  return (
    <div class="screen">
      <PageHeading title={t('catalogue.title')} />
      <p class="lead">{t('catalogue.intro')}</p>
      {entries ? (
        entries.length === 0 ? (
          <p>{t('catalogue.empty')}</p>
        ) : (
          <ul class="card-list">
            {entries.map((entry) => (
              <CourseCard key={entry.id} entry={entry} overview={byId.get(entry.id)} />
            ))}
          </ul>
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
  const offline =
    error instanceof CourseApiError && (error.kind === 'network' || error.kind === 'timeout');
  return (
    <>
      <div class="notice" role="alert">
        <p>{offline ? t('error.catalogueOffline') : errorSentence(t, error)}</p>
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
