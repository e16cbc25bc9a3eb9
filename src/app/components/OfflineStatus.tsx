// Whether a course works without a connection: "Tilgjengelig uten nett" when its bundle and every
// media file are stored; "Ikke tilgjengelig uten nett" while offline for any other course (instead
// of a spinner or a failure); nothing otherwise.
import { useAppState, useI18n } from '../state/context';

export function OfflineStatus({ available }: { available: boolean }) {
  const { t } = useI18n();
  const { online } = useAppState().connectivity;
  if (available) return <p class="meta offline-status is-available">{t('download.available')}</p>;
  if (online.value) return null;
  return <p class="meta offline-status is-unavailable">{t('download.unavailable')}</p>;
}
