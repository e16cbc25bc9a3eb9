// Shown instead of the lesson player when its code chunk cannot be loaded (offline before the
// service worker has cached it).
import { ReloadPanel } from '../components/ReloadPanel';
import { useI18n } from '../state/context';

export function LessonChunkError() {
  const { t } = useI18n();
  return <ReloadPanel title={t('lesson.chunkErrorTitle')} text={t('lesson.chunkErrorText')} />;
}
