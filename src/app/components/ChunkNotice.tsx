// Shown in place of a part of the app whose code could not be loaded (offline before the service
// worker had cached it), or `text` instead of the usual sentence (OnlineFirst.tsx). Reloading is
// the learner's choice.
import { useI18n } from '../state/context';

export function ChunkNotice({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <div class="notice" role="alert">
      <p>{text ?? t('app.chunkErrorText')}</p>
      <p>
        <button type="button" class="button secondary" onClick={() => location.reload()}>
          {t('app.reload')}
        </button>
      </p>
    </div>
  );
}
