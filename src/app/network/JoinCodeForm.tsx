// "Koden fra næringshagen": a typed join code, checked for its form (NH-XXXX-XX, any case, spaces
// around ignored) before it is used. The consent screen looks the code up; Settings → Næringshage
// goes to the consent screen with it.
import { useRef, useState } from 'preact/hooks';
import { joinCodeSchema } from '../../shared/network-protocol';
import { AccountField } from '../components/AccountFields';
import { useTexts } from '../i18n/feature-texts';
import { joinTexts } from './join-texts';

interface Props {
  onCode: (code: string) => void;
  initial?: string;
}

export function JoinCodeForm({ onCode, initial = '' }: Props) {
  const t = useTexts(joinTexts);
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = joinCodeSchema.safeParse(value);
    if (!parsed.success) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    setInvalid(false);
    onCode(parsed.data);
  };
  return (
    <form class="join-code-form" noValidate onSubmit={submit}>
      <AccountField
        type="text"
        label={t('join.codeLabel')}
        hint={t('join.codeHint')}
        value={value}
        onInput={setValue}
        autocomplete="off"
        error={invalid ? t('join.codeInvalid') : null}
        inputRef={input}
      />
      <p class="actions">
        <button type="submit" class="button">
          {t('join.codeSubmit')}
        </button>
      </p>
    </form>
  );
}
