// Screens loaded on demand, so the app's start stays small: every screen but Home and Catalogue
// (in the app's start, app.tsx) is a chunk of its own (boot.ts starts loading the first screen's
// chunk with the app, see loaders.ts). A chunk that
// cannot be loaded (offline before the service worker cached it) shows the chunk-error screen.
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

export const StorageScreen = lazy(() =>
  import('./StorageScreen').then(
    (m) => m.StorageScreen,
    () => ChunkErrorScreen,
  ),
);

export const AccountScreen = lazy(() =>
  import('./AccountScreen').then(
    (m) => m.AccountScreen,
    () => ChunkErrorScreen,
  ),
);

// Reached from mail links and the sign-in form: rare, so loaded only when opened.
export const ForgotPasswordScreen = lazy(() =>
  import('./RecoveryScreens').then(
    (m) => m.ForgotPasswordScreen,
    () => ChunkErrorScreen,
  ),
);

export const NewPasswordScreen = lazy(() =>
  import('./RecoveryScreens').then(
    (m) => m.NewPasswordScreen,
    () => ChunkErrorScreen,
  ),
);

export const VerifyEmailScreen = lazy(() =>
  import('./RecoveryScreens').then(
    (m) => m.VerifyEmailScreen,
    () => ChunkErrorScreen,
  ),
);

// The advisor's screens (issue 14): a chunk group of their own, so learners never download them.
export const AdvisorHome = lazy(() =>
  import('../advisor/AdvisorHome').then(
    (m) => m.AdvisorHome,
    () => ChunkErrorScreen,
  ),
);

export const GardenScreen = lazy(() =>
  import('../advisor/GardenScreen').then(
    (m) => m.GardenScreen,
    () => ChunkErrorScreen,
  ),
);

export const LearnerScreen = lazy(() =>
  import('../advisor/LearnerScreen').then(
    (m) => m.LearnerScreen,
    () => ChunkErrorScreen,
  ),
);

export const InviteScreen = lazy(() =>
  import('../advisor/InviteScreen').then(
    (m) => m.InviteScreen,
    () => ChunkErrorScreen,
  ),
);

// The insight page (issue 15), for analysts and advisors: a chunk of its own, out of the
// learners' precache like the advisor screens (vite.config.ts).
export const InsightScreen = lazy(() =>
  import('../insight/InsightScreen').then(
    (m) => m.InsightScreen,
    () => ChunkErrorScreen,
  ),
);

// The learner's side of the business-garden network (issue 14): the consent screen and the
// privacy statement, each a chunk of its own.
export const JoinScreen = lazy(() =>
  import('../network/JoinScreen').then(
    (m) => m.JoinScreen,
    () => ChunkErrorScreen,
  ),
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
