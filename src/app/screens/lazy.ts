// Screens loaded on demand, so the app shell stays small. The lesson player is the big one.
import { lazy } from 'preact-iso';
import { LessonChunkError } from './LessonChunkError';

export const LessonScreen = lazy(() =>
  import('./LessonScreen').then(
    (m) => m.LessonScreen,
    () => LessonChunkError,
  ),
);
