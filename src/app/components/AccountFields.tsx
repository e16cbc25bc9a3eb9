// The input fields of the account forms and the delete-account dialog: a visible label, an
// optional hint, and an error sentence tied to the input (aria-invalid + aria-describedby), so a
// screen reader reads the problem when focus lands on the field. Passwords get a "Vis passordet"
// switch: typing a long password on a phone without seeing it is where sign-ups fail.
import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import { accountTexts } from './account-texts';
import { useTexts } from '../i18n/feature-texts';

interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  autocomplete: string;
  /** A sentence from i18n, or null while the field is fine. */
  error: string | null;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  disabled?: boolean;
  /** Enter in a field outside a <form> (the dialog) submits through this. */
  onEnter?: () => void;
  /** The id of more description outside the field (the password strength meter). */
  describedBy?: string;
}

/** A labelled text input with its hint and error. */
export function AccountField(props: FieldProps & { type: 'email' | 'password' | 'text' }) {
  const id = useId();
  const { label, value, onInput, autocomplete, error, hint, inputRef, disabled, onEnter } = props;
  const described = [
    hint ? `${id}-hint` : '',
    error ? `${id}-error` : '',
    props.describedBy ?? '',
  ].filter(Boolean);
  return (
    <div class="field account-field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        ref={inputRef}
        class="text-input"
        // Preact's typings pick the allowed attributes by a literal `type`; all three fit here.
        type={props.type as 'text'}
        value={value}
        autocomplete={autocomplete}
        autocapitalize="off"
        spellcheck={false}
        inputMode={props.type === 'email' ? 'email' : undefined}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && onEnter) {
            event.preventDefault();
            onEnter();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} class="field-error error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A password input with a "Vis passordet" checkbox. */
export function PasswordField(props: FieldProps) {
  const ta = useTexts(accountTexts);
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div class="password-field">
      <AccountField {...props} type={shown ? 'text' : 'password'} />
      <label class="show-password" for={`${id}-show`}>
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={shown}
          disabled={props.disabled}
          onChange={(event) => setShown(event.currentTarget.checked)}
        />
        <span>{ta('account.showPassword')}</span>
      </label>
    </div>
  );
}
