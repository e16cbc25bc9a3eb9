// /radgiver: the business gardens the signed-in user advises, each with its number of firms and
// advisors, linking to the garden's view. Kept on the device for offline use like the garden
// views (use-copied.ts); an empty list says how one becomes an advisor.
import { PageHeading } from '../components/PageHeading';
import { useTexts } from '../i18n/feature-texts';
import { paths } from '../routes';
import { CopyNotice } from './CopyNotice';
import type { GardenCard } from './offline-copy';
import { advisorTexts } from './texts';
import { useAdvisorHome } from './use-copied';
import { LoadingLine, ViewError } from './ViewStates';
import './advisor.css';

export function AdvisorHome() {
  const t = useTexts(advisorTexts);
  const store = useAdvisorHome();
  const state = store.state.value;
  const refresh = () => void store.refresh();
  return (
    <div class="screen advisor">
      <PageHeading title={t('home.title')} />
      <p class="lead">{t('home.intro')}</p>
      {state.kind === 'loading' && <LoadingLine text={t('home.loading')} />}
      {state.kind === 'error' && <ViewError code={state.code} onRetry={refresh} />}
      {state.kind === 'ready' && (
        <>
          <CopyNotice {...state.data} refreshing={state.refreshing} onRefresh={refresh} />
          {state.data.value.length === 0 ? (
            <div class="empty">
              <p>{t('home.empty')}</p>
              <p class="hint">{t('home.emptyHint')}</p>
            </div>
          ) : (
            <ul class="card-list">
              {state.data.value.map((card) => (
                <GardenItem key={card.garden.id} card={card} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function GardenItem({ card: { garden, firms, advisors } }: { card: GardenCard }) {
  const t = useTexts(advisorTexts);
  const place = [garden.municipality, garden.county].filter(Boolean).join(', ');
  return (
    <li class="card">
      <h2 class="card-title">
        <a href={paths.advisorGarden(garden.id)}>{garden.name}</a>
      </h2>
      <p class="meta">{place}</p>
      <p>
        {t('home.firms', { count: firms })} · {t('home.advisors', { count: advisors })}
      </p>
    </li>
  );
}
