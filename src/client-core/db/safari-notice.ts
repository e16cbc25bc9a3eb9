// Whether the learner has dismissed the one-time notice that Safari may delete what the app
// stored (components/SafariStorageNotice.tsx). Kept on the device with the other settings.
import { getSetting, setSetting } from './settings';

const KEY = 'safariNoticeDismissed';

/** True once the learner has dismissed the Safari notice on this device. */
export const isSafariNoticeDismissed = (): Promise<boolean> => getSetting(KEY, false);

/** The learner has read the Safari notice: do not show it again on this device. */
export const dismissSafariNotice = (): Promise<void> => setSetting(KEY, true);
