// "Last ned alt": every course of the catalogue not yet available offline, one after another,
// with the overall progress in bytes ("Kurs 2 av 3: 0,4 av 1,2 MB"). Stops at the first failure
// with a sentence and "Prøv igjen", which carries on with what is still missing.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CatalogueEntry } from '../../shared/course';
import type { CourseOverview } from '../../client-core/db/views';
import { downloadErrorSentence } from '../i18n/errors';
import { catalogueSize } from '../offline/download-store';
import { useAppState, useI18n } from '../state/context';
import { ByteProgressBar } from './ByteProgressBar';
import { useFocusRescue } from './use-focus-rescue';
import { downloadTexts } from './download-texts';
import { useTexts } from '../i18n/feature-texts';

interface Props {
  entries: readonly CatalogueEntry[];
  /** Stored courses by id. */
  stored: ReadonlyMap<string, CourseOverview>;
}

export function DownloadAll({ entries, stored }: Props) {
  const i18n = useI18n();
  const td = useTexts(downloadTexts);
  const state = useAppState();
  const manager = state.downloads;
  const all = manager.all.value;
  const root = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const missing = entries.filter((entry) => !stored.get(entry.id)?.availableOffline);
  const size = missing.reduce((sum, entry) => sum + catalogueSize(entry), 0);
  useFocusRescue(root, `${all?.status ?? 'idle'}:${missing.length}`);

  useEffect(() => {
    if (all?.status === 'done') setAnnouncement(td('download.allDone'));
  }, [all?.status]);

  if (entries.length === 0) return null;
  const online = state.connectivity.online.value;
  return (
    <div class="download-all" ref={root} tabIndex={-1}>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      {all?.status === 'running' ? (
        <>
          <ByteProgressBar
            label={td('download.allLabel')}
            done={all.done}
            total={all.total}
            text={td('download.allProgress', {
              index: all.index,
              count: all.count,
              progress: i18n.bytesOf(all.done, all.total),
            })}
          />
          <p class="actions">
            <button type="button" class="button secondary" onClick={() => manager.cancelAll()}>
              {td('download.allCancel')}
            </button>
          </p>
        </>
      ) : missing.length === 0 ? (
        <p class="meta offline-status is-available">{td('download.allDone')}</p>
      ) : online ? (
        <>
          {all?.status === 'failed' && (
            <div class="notice" role="alert">
              <p>{downloadErrorSentence(i18n, all.error)}</p>
            </div>
          )}
          <p class="hint">{td('download.allHint')}</p>
          <p class="actions">
            <button type="button" class="button" onClick={() => void manager.downloadAll(missing)}>
              {all?.status === 'failed'
                ? td('download.retry')
                : td('download.all', { size: i18n.bytes(size) })}
            </button>
          </p>
        </>
      ) : null}
    </div>
  );
}
