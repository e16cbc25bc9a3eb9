// "Kan svarene dine sendes anonymt?" (issue 15): a learner without an account is asked once,
// with their first answer, whether their answers may be sent anonymously. This store owns the
// choice as the device remembers it (client-core/db/anonymous-feedback.ts); the sync controller
// sends (or not) from what is stored, so nothing leaves the device before the learner said yes.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { AnonymousSending } from '../../client-core/db/anonymous-feedback';
import { loadStorage } from './storage';

/** The choice: 'unasked' until the learner answers; null until read from the device. */
export type AnonymousSendingChoice = AnonymousSending | 'unasked' | null;

export interface AnonymousSendingStore {
  choice: ReadonlySignal<AnonymousSendingChoice>;
  /** Remember the learner's answer on the device (at once in the signal). */
  choose(choice: AnonymousSending): Promise<void>;
}

/** The choice's store; it reads the stored answer once, in the background. */
export function createAnonymousSendingStore(): AnonymousSendingStore {
  const choice = signal<AnonymousSendingChoice>(null);
  let changed = false;
  void (async () => {
    let stored: AnonymousSending | null;
    try {
      stored = await (await loadStorage()).readAnonymousSending();
    } catch {
      // IndexedDB unavailable: nothing is recorded either, so there is nothing to ask about.
      return;
    }
    if (!changed) choice.value = stored ?? 'unasked';
  })();
  return {
    choice,
    async choose(answer) {
      changed = true;
      choice.value = answer;
      await (await loadStorage()).chooseAnonymousSending(answer);
    },
  };
}
