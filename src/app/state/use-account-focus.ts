// Signing in, signing out and deleting the account replace the controls the learner was using
// (the form's button, the dialog, "Slett kontoen"), and the browser then drops focus to the top
// of the page. This puts it somewhere that says what happened instead. Focus the learner has
// moved elsewhere is never taken back, and focus that was never placed is not "lost": a screen
// opened by its address, whose account state finishes loading after the first paint, leaves
// focus at the start so Tab follows the page order (issue 11).
import { useEffect, useRef } from 'preact/hooks';

/** When `signedIn` changes and the element that had focus was removed, focus
 * `target(signedIn)`. */
export function useAccountFocus(
  signedIn: boolean,
  target: (signedIn: boolean) => HTMLElement | null | undefined,
): void {
  const before = useRef(signedIn);
  const lastFocused = useRef<Element | null>(null);
  useEffect(() => {
    // Effects run after paint: the learner may already have focused a control.
    const active = document.activeElement;
    if (active && active !== document.body) lastFocused.current = active;
    // `focus` does not bubble; a capturing listener sees it for every element.
    const remember = (event: FocusEvent) => {
      if (event.target instanceof Element) lastFocused.current = event.target;
    };
    document.addEventListener('focus', remember, true);
    return () => document.removeEventListener('focus', remember, true);
  }, []);
  useEffect(() => {
    if (before.current !== signedIn && focusWasLost(lastFocused.current)) {
      target(signedIn)?.focus();
    }
    before.current = signedIn;
  }, [signedIn]);
}

/** True when nothing has focus now because the element that had it left the page. */
const focusWasLost = (previous: Element | null): boolean => {
  const active = document.activeElement;
  return (!active || active === document.body) && previous !== null && !previous.isConnected;
};
