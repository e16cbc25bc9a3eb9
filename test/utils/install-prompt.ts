// A `beforeinstallprompt` event as Chromium fires it, for the install tests: its prompt() is a
// spy, and its userChoice settles with the given outcome.
import { vi } from 'vitest';

/** The event, with `prompt` a spy and `userChoice` resolving to `{ outcome }`. */
export function installPromptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
    prompt: () => Promise<void>;
    userChoice: Promise<{ outcome: string }>;
  };
  event.prompt = vi.fn(async () => {});
  event.userChoice = Promise.resolve({ outcome });
  return event;
}
