// Learner preferences kept on the device (in IndexedDB with the rest of the learner's data).
import { db } from './db';

/** A stored preference, or the fallback. */
export async function getSetting<T>(key: string, fallback: T): Promise<T> {
  const row = await db.meta.get(`setting:${key}`);
  return row === undefined ? fallback : (row.value as T);
}

/** Store a preference. */
export async function setSetting<T>(key: string, value: T): Promise<void> {
  await db.meta.put({ key: `setting:${key}`, value });
}

/** Download preferences: fetch a course in full when the learner starts it, and whether only on
 * Wi-Fi (where the browser can tell). */
export interface DownloadSettings {
  auto: boolean;
  wifiOnly: boolean;
}

export const DEFAULT_DOWNLOAD_SETTINGS: DownloadSettings = { auto: true, wifiOnly: false };

/** The stored download preferences, defaults filled in. */
export async function getDownloadSettings(): Promise<DownloadSettings> {
  const stored = await getSetting<Partial<DownloadSettings>>('downloads', {});
  return { ...DEFAULT_DOWNLOAD_SETTINGS, ...stored };
}

/** Change one download preference. */
export async function setDownloadSetting<K extends keyof DownloadSettings>(
  key: K,
  value: DownloadSettings[K],
): Promise<void> {
  await setSetting('downloads', { ...(await getDownloadSettings()), [key]: value });
}
