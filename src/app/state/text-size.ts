// The text-size setting (Normal, Stor, Størst): how large this device draws the whole interface.
// Remembered on the device with the other settings and applied as the root font-size — a
// data-text-size attribute on <html> that styles.css turns into a percentage (the CSP forbids
// inline styles) — so every rem in the layout scales with it, as with the browser's own zoom.
import { signal, type ReadonlySignal } from '@preact/signals';
import { loadStorage } from './storage';

export const TEXT_SIZES = ['normal', 'large', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const SETTING_KEY = 'textSize';

/** Whether a stored value is one of the text sizes. */
export const isTextSize = (value: unknown): value is TextSize =>
  typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value);

/** Set the root font-size; `normal` leaves the browser's own size alone. */
function applyTextSize(size: TextSize): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (size === 'normal') delete root.dataset.textSize;
  else root.dataset.textSize = size;
}

/** The stored text size, else normal. Never throws (IndexedDB can be unavailable). */
export async function loadInitialTextSize(): Promise<TextSize> {
  try {
    const stored = await (await loadStorage()).getSetting<unknown>(SETTING_KEY, null);
    return isTextSize(stored) ? stored : 'normal';
  } catch {
    return 'normal';
  }
}

export interface TextSizeStore {
  textSize: ReadonlySignal<TextSize>;
  /** Apply a text size at once and remember it on the device. */
  setTextSize(size: TextSize): Promise<void>;
}

/** The text-size store, starting at `initial` (read before the first paint, see main.tsx). */
export function createTextSizeStore(initial: TextSize = 'normal'): TextSizeStore {
  const textSize = signal<TextSize>(initial);
  applyTextSize(initial);
  return {
    textSize,
    async setTextSize(size) {
      textSize.value = size;
      applyTextSize(size);
      await (await loadStorage()).setSetting(SETTING_KEY, size);
    },
  };
}
