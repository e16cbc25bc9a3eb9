// A screen that explains something went wrong and offers a reload; reloading is the learner's
// choice, never automatic.
import { useI18n } from '../state/context';
import { PageHeading } from './PageHeading';

export function ReloadPanel({ title, text }: { title: string; text: string }) {
  const { t } = useI18n();
  return (
    <div class="screen">
      <PageHeading title={title} />
      <p>{text}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
