// Screens loaded on demand, so the app shell stays small. The lesson player is the big one; the
// storage and account screens are rarely visited.
import { lazy } from 'preact-iso';
import { ChunkErrorScreen } from './ChunkErrorScreen';
import { LessonChunkError } from './LessonChunkError';

export const LessonScreen = lazy(() =>
  import('./LessonScreen').then(
    (m) => m.LessonScreen,
    () => LessonChunkError,
  ),
);

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
