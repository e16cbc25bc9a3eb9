// Screens loaded on demand, so the app's start stays small: every screen but Home and Catalogue
// (in the app's start, app.tsx) is a chunk of its own (boot.ts starts loading the first screen's
// chunk with the app, see loaders.ts). A chunk that
// cannot be loaded (offline before the service worker cached it) shows the chunk-error screen; an
// online-only screen's (vite.config.ts, ONLINE: not precached, kept once fetched) says instead
// that it needs a connection the first time.
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import { ChunkErrorScreen } from './ChunkErrorScreen';
import { LessonChunkError } from './LessonChunkError';
import { screenLoaders } from './loaders';

export const HomeScreen = lazy(() => screenLoaders.home().catch(() => ChunkErrorScreen));

export const CatalogueScreen = lazy(() => screenLoaders.catalogue().catch(() => ChunkErrorScreen));

export const CourseScreen = lazy(() => screenLoaders.course().catch(() => ChunkErrorScreen));

export const LessonScreen = lazy(() => screenLoaders.lesson().catch(() => LessonChunkError));

export const SettingsScreen = lazy(() => screenLoaders.settings().catch(() => ChunkErrorScreen));

/** The lazy screen of each eagerly loaded kind (main.tsx waits for the first one). */
export const eagerScreens = {
  home: HomeScreen,
  catalogue: CatalogueScreen,
  course: CourseScreen,
  lesson: LessonScreen,
  settings: SettingsScreen,
};

/** A lazy online-only screen: opened offline before its code was ever fetched, it shows
 * OnlineFirstScreen (precached, loaded then). */
const onlineScreen = <P>(load: () => Promise<ComponentType<P>>) =>
  lazy(() =>
    load().catch(() =>
      import('../components/OnlineFirst').then(
        (m): ComponentType<P> => m.OnlineFirstScreen,
        () => ChunkErrorScreen,
      ),
    ),
  );

export const StorageScreen = lazy(() =>
  import('./StorageScreen').then(
    (m) => m.StorageScreen,
    () => ChunkErrorScreen,
  ),
);

export const AccountScreen = onlineScreen(() =>
  import('./AccountScreen').then((m) => m.AccountScreen),
);

// Signing in and the account (online-only). Recovery is reached from mail links and the sign-in
// form: rare, so loaded only when opened.
export const ForgotPasswordScreen = onlineScreen(() =>
  import('./RecoveryScreens').then((m) => m.ForgotPasswordScreen),
);

export const NewPasswordScreen = onlineScreen(() =>
  import('./RecoveryScreens').then((m) => m.NewPasswordScreen),
);

export const VerifyEmailScreen = onlineScreen(() =>
  import('./RecoveryScreens').then((m) => m.VerifyEmailScreen),
);

// The advisor's screens (issue 14): online-only chunks, so learners never download them.
export const AdvisorHome = onlineScreen(() =>
  import('../advisor/AdvisorHome').then((m) => m.AdvisorHome),
);

export const GardenScreen = onlineScreen(() =>
  import('../advisor/GardenScreen').then((m) => m.GardenScreen),
);

export const LearnerScreen = onlineScreen(() =>
  import('../advisor/LearnerScreen').then((m) => m.LearnerScreen),
);

export const InviteScreen = onlineScreen(() =>
  import('../advisor/InviteScreen').then((m) => m.InviteScreen),
);

// The insight page (issue 15), for analysts and advisors: online-only like the advisor screens.
export const InsightScreen = onlineScreen(() =>
  import('../insight/InsightScreen').then((m) => m.InsightScreen),
);

// The learner's side of the business-garden network (issue 14): the consent screen (online-only:
// joining asks the server) and the privacy statement (precached: read offline too), each a chunk
// of its own.
export const JoinScreen = onlineScreen(() =>
  import('../network/JoinScreen').then((m) => m.JoinScreen),
);

export const PrivacyScreen = lazy(() =>
  import('../network/PrivacyScreen').then(
    (m) => m.PrivacyScreen,
    () => ChunkErrorScreen,
  ),
);

// The weekly goal and the study plan (issue 16): a chunk of its own, reached from Settings.
export const StudyPlanScreen = lazy(() =>
  import('../plan/StudyPlanScreen').then(
    (m) => m.StudyPlanScreen,
    () => ChunkErrorScreen,
  ),
);

// Spaced review ("Repetisjon", issue 16): a chunk of its own with the review schedule (ts-fsrs),
// precached with the learners' other screens so it works offline.
export const ReviewScreen = lazy(() =>
  import('../review/ReviewScreen').then(
    (m) => m.ReviewScreen,
    () => ChunkErrorScreen,
  ),
);
