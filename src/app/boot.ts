// The page's entry script: it starts loading the first screen's chunk (the lesson player on a
// lesson's URL) and reads the two settings the first paint needs (language, text size) with raw
// IndexedDB, without waiting for Dexie; main.tsx then loads the language's dictionary and renders.
// The storage layer (Dexie, the live queries) is a chunk of its own, fetched from here at once, in
// parallel with the first paint: Home paints its heading before IndexedDB is read.
// main is imported statically, so index.html preloads the app with the entry: a loader that
// imported it dynamically cost a request level, about 1.5 s of a first visit on EDGE (bench).
import { readBootSettings } from '../client-core/db/boot-settings';
import { loadDictionary } from './i18n';
import { startApp } from './main';
import { screenForPath, screenLoaders } from './screens/loaders';
import { browserLanguage } from './state/language';
import { loadStorage, noteNewDevice } from './state/storage';
import './styles.css';

// The first screen's chunk is on its way before IndexedDB answers: a lesson's warm start (issue
// 13, item 8) does not wait for the settings, nor for the app, before fetching the player. So is
// the dictionary of the browser's language (nothing to fetch for bokmål): on a first visit that
// is the one main.tsx awaits before the first paint, and no stored choice has to be read first.
loadDictionary(browserLanguage()).catch(() => {});
loadStorage().catch(() => {});
const screen = screenForPath(location.pathname);
if (screen) screenLoaders[screen]().catch(() => {});

void readBootSettings().then((settings) => {
  noteNewDevice(settings.newDevice);
  return startApp(settings);
});
