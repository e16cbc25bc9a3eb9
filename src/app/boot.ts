// The page's entry script, kept tiny so that nothing large blocks the start: it reads the two
// settings the first paint needs (language, text size) with raw IndexedDB, and meanwhile loads
// the app (main.tsx with Preact, Dexie and the shell) and the first screen's chunk (the lesson
// player on a lesson's URL), all in parallel. main.tsx then loads the language's dictionary and renders.
import { readBootSettings } from '../client-core/db/boot-settings';
import { screenForPath, screenLoaders } from './screens/loaders';
import './styles.css';

// The first screen's chunk is on its way before IndexedDB answers: a lesson's warm start (issue
// 13, item 8) does not wait for the settings, nor for the app, before fetching the player.
const screen = screenForPath(location.pathname);
if (screen) screenLoaders[screen]().catch(() => {});

const app = import('./main');
void Promise.all([app, readBootSettings()]).then(([{ startApp }, settings]) => startApp(settings));
