// Shown instead of a lazily loaded screen whose code chunk cannot be loaded (offline before the
// service worker has cached it). Reloading is the learner's choice.
import { ChunkNotice } from '../components/ChunkNotice';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../state/context';

export function ChunkErrorScreen() {
  const { t } = useI18n();
  return (
    <div class="screen">
      <PageHeading title={t('app.chunkErrorTitle')} />
      <ChunkNotice />
    </div>
  );
}
