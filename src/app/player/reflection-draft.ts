// The reflection a learner is writing, owned in one place: the text, its autosave as a draft
// while the learner types (debounced, and at once on blur, page hide and leaving), and "Lagre",
// which completes the lesson when the text is at least a sentence (isReflectionWritten). An
// autosave never completes the lesson, so no completion appears while the learner is typing
// (issue 11, item 5). The player reads the signals and calls the actions.
import { signal, type ReadonlySignal } from '@preact/signals';
import type { LearnerEvent } from '../../shared/events';
import { isReflectionWritten, reflectionLength } from '../../shared/reflection';
import { eventIds } from './use-learner-action';

export const AUTOSAVE_DELAY_MS = 700;

/** The draft's storage: nothing to say, a save waiting or running, saved, or the last save
 * failed (the next flush retries). */
export type DraftStatus = 'idle' | 'pending' | 'saved' | 'failed';

/** What the learner's last "Lagre" led to. */
export type Submission =
  | { kind: 'none' }
  /** Too short to count: nothing completed; `length` is what the text has (reflectionLength). */
  | { kind: 'tooShort'; length: number }
  /** Saved with the lesson completed (or completed before). */
  | { kind: 'submitted' };

export interface ReflectionDraftOptions {
  /** The stored text when the lesson opened. */
  initialText: string;
  /** Store the text as a draft; never completes the lesson. */
  save: (text: string) => Promise<LearnerEvent[]>;
  /** Store the text and complete the lesson. */
  submit: (text: string) => Promise<LearnerEvent[]>;
  autosaveDelayMs?: number;
}

export interface ReflectionDraft {
  text: ReadonlySignal<string>;
  status: ReadonlySignal<DraftStatus>;
  submission: ReadonlySignal<Submission>;
  /** Ids of the events the last write here recorded, for the completion's receipt. */
  receipt: ReadonlySignal<string[] | null>;
  /** The learner typed: keep the text and autosave it after a pause. */
  edit(text: string): void;
  /** Save the draft now if it changed (blur, page hide, leaving). */
  flush(): void;
  /** "Lagre": save, and complete the lesson if the text is at least a sentence; otherwise say
   * what is missing and keep the text as a draft. */
  submit(): Promise<void>;
}

/** Make the draft of one reflection lesson. */
export function createReflectionDraft(options: ReflectionDraftOptions): ReflectionDraft {
  const { save, autosaveDelayMs = AUTOSAVE_DELAY_MS } = options;
  const text = signal(options.initialText);
  const status = signal<DraftStatus>('idle');
  const submission = signal<Submission>({ kind: 'none' });
  const receipt = signal<string[] | null>(null);
  // The last text known to be stored; null after a failed write, so the next flush retries.
  let stored: string | null = options.initialText;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  const write = async (value: string, action: (text: string) => Promise<LearnerEvent[]>) => {
    stored = value;
    try {
      const events = await action(value);
      if (events.length > 0) receipt.value = eventIds(events);
      if (text.value === value) status.value = 'saved';
      return true;
    } catch (error) {
      console.error(error);
      stored = null;
      status.value = 'failed';
      return false;
    }
  };

  const flush = () => {
    stopTimer();
    if (text.value !== stored) void write(text.value, save);
    // Typed and typed back to what is stored: nothing to write, and nothing waits.
    else if (status.value === 'pending') status.value = 'saved';
  };

  return {
    text,
    status,
    submission,
    receipt,
    edit(value) {
      text.value = value;
      status.value = 'pending';
      if (submission.value.kind === 'tooShort' && isReflectionWritten(value))
        submission.value = { kind: 'none' };
      stopTimer();
      timer = setTimeout(flush, autosaveDelayMs);
    },
    flush,
    async submit() {
      stopTimer();
      const value = text.value;
      if (!isReflectionWritten(value)) {
        submission.value = { kind: 'tooShort', length: reflectionLength(value) };
        flush();
        return;
      }
      status.value = 'pending';
      if (await write(value, options.submit)) submission.value = { kind: 'submitted' };
    },
  };
}
