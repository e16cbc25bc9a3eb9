// The app: state and router providers, the header, and one <main> holding the current screen.
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { AppHeader } from './components/AppHeader';
import { ErrorBoundary } from './components/ErrorBoundary';
import { focusPageHeading } from './components/PageHeading';
import { routePatterns } from './routes';
import { CatalogueScreen } from './screens/CatalogueScreen';
import { CourseScreen } from './screens/CourseScreen';
import { HomeScreen } from './screens/HomeScreen';
import { LessonScreen, StorageScreen } from './screens/lazy';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import type { AppState } from './state/app-state';
import { AppStateContext } from './state/context';

export function App({ state }: { state: AppState }) {
  useConnectivity(state);
  return (
    <AppStateContext.Provider value={state}>
      <LocationProvider>
        <Shell />
      </LocationProvider>
    </AppStateContext.Provider>
  );
}

function Shell() {
  const { path } = useLocation();
  return (
    <>
      <AppHeader />
      <main id="main" class="app-main" tabIndex={-1}>
        <ErrorBoundary resetKey={path}>
          <Router onRouteChange={focusPageHeading}>
            <Route path={routePatterns.home} component={HomeScreen} />
            <Route path={routePatterns.catalogue} component={CatalogueScreen} />
            <Route path={routePatterns.course} component={CourseScreen} />
            <Route path={routePatterns.lesson} component={LessonScreen} />
            <Route path={routePatterns.settings} component={SettingsScreen} />
            <Route path={routePatterns.storage} component={StorageScreen} />
            <Route default component={NotFoundScreen} />
          </Router>
        </ErrorBoundary>
      </main>
    </>
  );
}

/** Follow the browser's online/offline events; when the connection returns, fetch a catalogue
 * that failed or was only the cached copy. */
function useConnectivity(state: AppState) {
  useEffect(() => {
    const online = () => {
      state.online.value = true;
      const catalogue = state.catalogue.value;
      if (catalogue.status === 'error' || (catalogue.status === 'loaded' && catalogue.cached))
        void state.loadCatalogue({ force: true });
    };
    const offline = () => {
      state.online.value = false;
    };
    addEventListener('online', online);
    addEventListener('offline', offline);
    return () => {
      removeEventListener('online', online);
      removeEventListener('offline', offline);
    };
  }, [state]);
}
