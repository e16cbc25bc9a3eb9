// Runs a learner action (a storage write) for a player and remembers whether the last one failed,
// so the player can say so in a sentence and the learner can try again.
import { useCallback, useState } from 'preact/hooks';
import type { LearnerEvent } from '../../shared/events';

/** The ids of recorded events, for a completion's receipt. */
export const eventIds = (events: readonly LearnerEvent[]): string[] => events.map((e) => e.id);

/** `run(action)` resolves to whether the action was stored; `failed` is true after a failure. */
export function useLearnerAction() {
  const [failed, setFailed] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setFailed(false);
    try {
      await action();
      return true;
    } catch (error) {
      console.error(error);
      setFailed(true);
      return false;
    }
  }, []);
  return { failed, run };
}
