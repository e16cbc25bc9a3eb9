// The app: state, sync and router providers, the header with the sync status under it, and one
// <main> holding the current screen.
import { effect } from '@preact/signals';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { AppHeader } from './components/AppHeader';
import { ErrorBoundary } from './components/ErrorBoundary';
import { focusPageHeading } from './components/PageHeading';
import { deferred } from './components/deferred';
import { SyncStatus } from './components/SyncStatus';
import { browserFacts, isSafariTab } from './offline/safari-tab';
import { paths, routePatterns } from './routes';
import {
  AccountScreen,
  AdvisorHome,
  CourseScreen,
  ForgotPasswordScreen,
  GardenScreen,
  InsightScreen,
  InviteScreen,
  JoinScreen,
  LearnerScreen,
  LessonScreen,
  NewPasswordScreen,
  PrivacyScreen,
  ReviewScreen,
  SettingsScreen,
  StorageScreen,
  StudyPlanScreen,
  VerifyEmailScreen,
} from './screens/lazy';
import { CatalogueScreen } from './screens/CatalogueScreen';
import { HomeScreen } from './screens/HomeScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import type { AppState } from './state/app-state';
import { AppStateContext, SyncContext } from './state/context';
import type { SyncController } from './sync/controller';

export function App({ state, sync }: { state: AppState; sync: SyncController }) {
  useConnectivity(state);
  useUpdateWhenTooOld(state, sync);
  useNetworkMembership(sync);
  return (
    <AppStateContext.Provider value={state}>
      <SyncContext.Provider value={sync}>
        <LocationProvider>
          <Shell />
        </LocationProvider>
      </SyncContext.Provider>
    </AppStateContext.Provider>
  );
}

// Safari's deletion notice concerns Safari tabs alone, so only they load its code.
const SafariStorageNotice = deferred(() =>
  import('./components/SafariStorageNotice').then((m) => m.SafariStorageNotice),
);

function Shell() {
  const { path } = useLocation();
  const [inSafariTab] = useState(() => isSafariTab(browserFacts()));
  return (
    <>
      <AppHeader />
      {/* The account screen shows the status in its own body. */}
      {path !== paths.account && <SyncStatus />}
      {inSafariTab && <SafariStorageNotice />}
      <main id="main" class="app-main" tabIndex={-1}>
        <ErrorBoundary resetKey={path}>
          <Router onRouteChange={focusPageHeading}>
            <Route path={routePatterns.home} component={HomeScreen} />
            <Route path={routePatterns.catalogue} component={CatalogueScreen} />
            <Route path={routePatterns.course} component={CourseScreen} />
            <Route path={routePatterns.lesson} component={LessonScreen} />
            <Route path={routePatterns.settings} component={SettingsScreen} />
            <Route path={routePatterns.storage} component={StorageScreen} />
            <Route path={routePatterns.account} component={AccountScreen} />
            <Route path={routePatterns.forgotPassword} component={ForgotPasswordScreen} />
            <Route path={routePatterns.newPassword} component={NewPasswordScreen} />
            <Route path={routePatterns.verifyEmail} component={VerifyEmailScreen} />
            <Route path={routePatterns.advisor} component={AdvisorHome} />
            <Route path={routePatterns.advisorGarden} component={GardenScreen} />
            <Route path={routePatterns.advisorLearner} component={LearnerScreen} />
            <Route path={routePatterns.advisorInvite} component={InviteScreen} />
            <Route path={routePatterns.insight} component={InsightScreen} />
            <Route path={routePatterns.join} component={JoinScreen} />
            <Route path={routePatterns.privacy} component={PrivacyScreen} />
            <Route path={routePatterns.studyPlan} component={StudyPlanScreen} />
            <Route path={routePatterns.review} component={ReviewScreen} />
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
  useEffect(() => state.connectivity.watch(() => void state.reloadCatalogueIfStale()), [state]);
}

/** The sync server no longer accepts this version (426): look for the new one at once, and bring
 * back an update prompt the learner dismissed, since syncing now waits for it. The outbox is
 * kept; the learner still chooses when to reload. */
function useUpdateWhenTooOld(state: AppState, sync: SyncController) {
  useEffect(() => {
    let tooOld = false;
    return effect(() => {
      const now = sync.status.value.problem === 'update-required';
      if (now && !tooOld) void state.update.updateRequired();
      tooOld = now;
    });
  }, [state, sync]);
}

/** The learner's business gardens (issue 14): once someone is signed in, the membership store (a
 * chunk of its own) is made; it fetches them and follows the account from then on, keeping a copy
 * on the device so the app knows them offline. */
function useNetworkMembership(sync: SyncController) {
  useEffect(
    () =>
      effect(() => {
        if (!sync.account.value) return;
        void import('./network/membership-store').then(
          (m) => m.membershipStoreFor(sync),
          () => undefined,
        );
      }),
    [sync],
  );
}
