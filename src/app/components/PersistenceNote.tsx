// The offer of persistent storage, where downloads are (the catalogue, a course's "Bruk uten
// nett" section) and on the storage screen. The app never asks the browser by itself: Firefox
// turns the request into a question to the learner, which must not come out of nowhere. So the
// learner asks, with a button and one sentence on why, and then sees the browser's answer.
import { useEffect } from 'preact/hooks';
import { useDownloadRecords } from '../state/live';
import { paths } from '../routes';
import { canRequestPersistence } from '../offline/persistence';
import { useAppState, useI18n } from '../state/context';

interface Props {
  /** Where it is shown: beside downloads (only once something is downloaded, with a link to
   * the storage screen after a no) or on the storage screen itself. */
  place?: 'downloads' | 'storage';
}

export function PersistenceNote({ place = 'downloads' }: Props) {
  const { t } = useI18n();
  const state = useAppState();
  const { persisted, answer } = state.persistence.status.value;
  useEffect(() => {
    if (persisted === null) void state.persistence.checkPersistence();
  }, []);
  const askable = persisted === false && canRequestPersistence();
  return (
    <div class="persistence-offer">
      {askable && (place === 'storage' ? <Offer /> : <OfferOnceDownloaded />)}
      <p class={answer ? 'meta persistence-note' : 'visually-hidden'} role="status">
        {answer === 'granted' &&
          t(place === 'storage' ? 'storage.persistGranted' : 'download.persistGranted')}
        {answer === 'denied' &&
          (place === 'storage' ? (
            t('storage.persistDenied')
          ) : (
            <>
              {t('download.persistDenied')} <a href={paths.storage}>{t('storage.link')}</a>
            </>
          ))}
      </p>
    </div>
  );
}

/** Beside downloads the offer waits until something is downloaded: before that there is
 * nothing to keep. */
function OfferOnceDownloaded() {
  const downloads = useDownloadRecords();
  return downloads !== undefined && downloads.length > 0 ? <Offer /> : null;
}

function Offer() {
  const { t } = useI18n();
  const state = useAppState();
  return (
    <>
      <p class="hint">{t('persist.why')}</p>
      <p class="actions">
        <button
          type="button"
          class="button secondary"
          onClick={() => void state.persistence.requestPersistence()}
        >
          {t('storage.askPersist')}
        </button>
      </p>
    </>
  );
}
