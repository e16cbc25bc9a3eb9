// The browser's answer when the app asked for persistent storage (at the first download of a
// session, or after installation), with a link to the storage screen when the answer was no.
import { paths } from '../routes';
import { useAppState, useI18n } from '../state/context';

export function PersistenceNote() {
  const { t } = useI18n();
  const { answer } = useAppState().persistence.value;
  return (
    <p class={answer ? 'meta persistence-note' : 'visually-hidden'} role="status">
      {answer === 'granted' && t('download.persistGranted')}
      {answer === 'denied' && (
        <>
          {t('download.persistDenied')} <a href={paths.storage}>{t('storage.link')}</a>
        </>
      )}
    </p>
  );
}
