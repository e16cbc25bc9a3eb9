// Shown instead of the lesson player when its code chunk cannot be loaded (offline before the
// service worker has cached it). Reloading is the learner's choice.
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../state/context';

export function LessonChunkError() {
  const { t } = useI18n();
  return (
    <div class="screen">
      <PageHeading title={t('lesson.chunkErrorTitle')} />
      <p>{t('lesson.chunkErrorText')}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
