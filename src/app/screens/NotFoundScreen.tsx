// Any path the app does not know.
import { PageHeading } from '../components/PageHeading';
import { paths } from '../routes';
import { useI18n } from '../state/context';

export function NotFoundScreen() {
  const { t } = useI18n();
  return (
    <div class="screen">
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <a href={paths.home}>{t('notFound.home')}</a>
      </p>
    </div>
  );
}
