// The "Ikke spør meg om tilbakemeldinger" setting (issue 15): whether this device asks "Var dette
// nyttig for deg?" after a completed lesson. A device setting, remembered with the others (like the
// text size), so it stops all asking here and nowhere else. Unknown (null) until it has been read,
// and the question waits for it: a learner who said no is never asked for a moment at start-up.
import { signal, type ReadonlySignal } from '@preact/signals';
import { loadStorage } from './storage';

const SETTING_KEY = 'feedbackAskingOff';

export interface FeedbackAskingStore {
  /** True when the learner turned asking off on this device; null until read. */
  askingOff: ReadonlySignal<boolean | null>;
  /** Turn asking off (true) or on again, at once, and remember it on the device. */
  setAskingOff(off: boolean): Promise<void>;
}

/** The setting's store; it reads the stored value once, in the background. */
export function createFeedbackAskingStore(): FeedbackAskingStore {
  const askingOff = signal<boolean | null>(null);
  let changed = false;
  void (async () => {
    let stored = false;
    try {
      stored = (await (await loadStorage()).getSetting<unknown>(SETTING_KEY, false)) === true;
    } catch {
      // IndexedDB unavailable: nothing can be recorded either; asking stays as the default.
    }
    if (!changed) askingOff.value = stored;
  })();
  return {
    askingOff,
    async setAskingOff(off) {
      changed = true;
      askingOff.value = off;
      await (await loadStorage()).setSetting(SETTING_KEY, off);
    },
  };
}
