// The one h1 of a screen. It also sets document.title, and it is where focus lands after a route
// change (see focusPageHeading), so a screen reader announces the new screen.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../state/context';

interface Props {
  /** Plain-text title, used for document.title too. */
  title: string;
  children?: ComponentChildren;
}

export function PageHeading({ title, children }: Props) {
  const { t } = useI18n();
  const appName = t('app.name');
  useEffect(() => {
    const full = title === appName ? appName : `${title} – ${appName}`;
    // Setting the same title again still replaces the <title> element's text: skipped.
    if (document.title !== full) document.title = full;
  }, [title, appName]);
  return (
    <h1 class="page-heading" tabIndex={-1}>
      {children ?? title}
    </h1>
  );
}

/** Move focus to the current screen's h1 (after client-side navigation). */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
}
