// Where each screen's code chunk comes from, and which screen a URL path shows — without the
// router or Preact, so the entry script (boot.ts) can start loading the first screen's chunk
// alongside the app itself. lazy.ts wraps the same loaders for the router.
import { isLessonPath, paths } from '../routes';

export const screenLoaders = {
  home: () => import('./HomeScreen').then((m) => m.HomeScreen),
  catalogue: () => import('./CatalogueScreen').then((m) => m.CatalogueScreen),
  course: () => import('./CourseScreen').then((m) => m.CourseScreen),
  lesson: () => import('./LessonScreen').then((m) => m.LessonScreen),
  settings: () => import('./SettingsScreen').then((m) => m.SettingsScreen),
};

export type EagerScreen = keyof typeof screenLoaders;

const coursePath = /^\/kurs\/[^/]+\/?$/;

/** The screen a path shows, among those worth loading before the app starts; null for the rest
 * (rare screens load when the router reaches them). */
export function screenForPath(path: string): EagerScreen | null {
  const bare = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (bare === paths.home) return 'home';
  if (bare === paths.catalogue) return 'catalogue';
  if (bare === paths.settings) return 'settings';
  if (isLessonPath(path)) return 'lesson';
  if (coursePath.test(path)) return 'course';
  return null;
}
