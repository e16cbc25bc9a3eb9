// A modal confirmation (<dialog> with showModal: focus is trapped, Escape cancels, the rest of the
// page is inert). Focus starts on the safe choice (cancel) and returns to the control that opened
// the dialog, or to `fallbackFocus` when that control is gone. A dialog that asks for input (a
// password) may start on that field instead, and may offer a third, safe choice.
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes when the opener no longer exists after the dialog closes. */
  fallbackFocus?: () => HTMLElement | null;
  /** Where focus starts instead of the cancel button (e.g. a password field). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** A further choice shown first, e.g. "Synkroniser først". */
  extraAction?: { label: string; onClick: () => void };
  /** While the confirmed work runs: the confirm and extra buttons do nothing (aria-disabled, so
   * the focused button keeps focus). */
  busy?: boolean;
  /** How the confirm button looks: 'danger' (default) for a choice that removes something,
   * 'primary' for one that only moves on (e.g. completing a checklist). */
  tone?: 'danger' | 'primary';
}

export function ConfirmDialog(props: Props) {
  const { title, children, confirmLabel, cancelLabel, onConfirm, onCancel, extraAction, busy } =
    props;
  const tone = props.tone ?? 'danger';
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  const fallback = useRef(props.fallbackFocus);
  fallback.current = props.fallbackFocus;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    // jsdom and very old browsers lack showModal: show it in place (Escape is handled below).
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    (props.initialFocus?.current ?? cancel.current)?.focus();
    return () => {
      if (element.open && typeof element.close === 'function') element.close();
      // After the dialog is gone: back to the opener, or the fallback if the opener vanished.
      setTimeout(() => {
        const target = opener?.isConnected ? opener : fallback.current?.();
        target?.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <h2 id={`${id}-title`} class="confirm-title">
        {title}
      </h2>
      <div id={`${id}-text`}>{children}</div>
      <p class="actions">
        {extraAction && (
          <button
            type="button"
            class="button"
            aria-disabled={busy ? 'true' : undefined}
            onClick={busy ? undefined : extraAction.onClick}
          >
            {extraAction.label}
          </button>
        )}
        <button
          type="button"
          class={tone === 'danger' ? 'button danger' : 'button'}
          aria-disabled={busy ? 'true' : undefined}
          onClick={busy ? undefined : onConfirm}
        >
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" class="button secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </p>
    </dialog>
  );
}
