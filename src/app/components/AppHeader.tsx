// The banner on every screen: skip link, app name and the main navigation, a small "Frakoblet"
// indicator when the network seems unreachable, and the prompt for a new app version.
import { useLocation } from 'preact-iso';
import { paths } from '../routes';
import { useAppState, useI18n } from '../state/context';
import { UpdateBanner } from './UpdateBanner';

export function AppHeader() {
  const { t } = useI18n();
  const { online } = useAppState().connectivity;
  const { path } = useLocation();
  const current = (active: boolean) => (active ? 'page' : undefined);
  const inCourses = path === paths.catalogue || path.startsWith(`${paths.catalogue}/`);
  return (
    <header class="app-header">
      <a class="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <div class="app-header-inner">
        <a class="brand" href={paths.home}>
          {t('app.name')}
        </a>
        {/* Always in the DOM, so a change is announced; empty while online. */}
        <p class="offline-indicator" role="status">
          {online.value ? null : (
            <span class="offline-pill">
              <span class="offline-dot" aria-hidden="true" />
              {t('app.offline')}
            </span>
          )}
        </p>
        <nav aria-label={t('nav.label')}>
          <ul class="nav-list">
            <li>
              <a href={paths.home} aria-current={current(path === paths.home)}>
                {t('nav.home')}
              </a>
            </li>
            <li>
              <a href={paths.catalogue} aria-current={current(inCourses)}>
                {t('nav.catalogue')}
              </a>
            </li>
            <li>
              <a href={paths.settings} aria-current={current(path === paths.settings)}>
                {t('nav.settings')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <UpdateBanner />
    </header>
  );
}
