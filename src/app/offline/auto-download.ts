// A course the learner starts while online is downloaded in full, so the rest of it works on the
// ferry too. On by default; "only on Wi-Fi" applies where the browser reports the connection type.
import { useEffect } from 'preact/hooks';
import { getDownloadSettings } from '../../client-core/db/settings';
import type { CourseOverview } from '../../client-core/db/views';
import type { CatalogueStore } from './catalogue';
import type { ConnectivityStore } from './connectivity';
import type { DownloadStore } from './download-store';
import { browserOffline, connectionType, onWifi } from './network';

/** Whether the learner's settings allow an automatic download now. */
export async function autoDownloadAllowed(): Promise<boolean> {
  const settings = await getDownloadSettings();
  if (!settings.auto) return false;
  const type = connectionType();
  return !(settings.wifiOnly && type !== null && !onWifi(type));
}

/** The stores an automatic download reads and uses (the app state has them). */
export interface AutoDownloadStores extends Pick<CatalogueStore, 'catalogue'> {
  connectivity: Pick<ConnectivityStore, 'online'>;
  downloads: Pick<DownloadStore, 'start'>;
}

/** Start the full download of a course once its lesson is shown, when allowed and needed. */
export function useAutoDownload(state: AutoDownloadStores, overview: CourseOverview | null): void {
  const courseId = overview?.course.id;
  const needed = overview !== null && !overview.availableOffline;
  useEffect(() => {
    if (!courseId || !needed || browserOffline() || !state.connectivity.online.value) return;
    let cancelled = false;
    void (async () => {
      if (!(await autoDownloadAllowed()) || cancelled) return;
      const catalogue = state.catalogue.value;
      const entry =
        catalogue.status === 'loaded'
          ? catalogue.entries.find((e) => e.id === courseId)
          : undefined;
      void state.downloads.start(courseId, { entry, title: overview?.course.title });
    })();
    return () => {
      cancelled = true;
    };
  }, [courseId, needed]);
}
