// Signing in, signing out and deleting the account replace the controls the learner was using
// (the form's button, the dialog, "Slett kontoen"), and the browser then drops focus to the top
// of the page. This puts it somewhere that says what happened instead. Focus the learner has
// moved elsewhere is never taken back.
import { useEffect, useRef } from 'preact/hooks';

/** When `signedIn` changes and focus was lost, focus `target(signedIn)`. */
export function useAccountFocus(
  signedIn: boolean,
  target: (signedIn: boolean) => HTMLElement | null | undefined,
): void {
  const before = useRef(signedIn);
  useEffect(() => {
    if (before.current !== signedIn) {
      const active = document.activeElement;
      if (!active || active === document.body) target(signedIn)?.focus();
    }
    before.current = signedIn;
  }, [signedIn]);
}
