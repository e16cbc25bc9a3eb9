// A link to pass on (a join link, an advisor invite): shown in a read-only field the advisor can
// select, with a button that copies it and says so in a live region.
import { useId, useRef, useState } from 'preact/hooks';
import './copy-field.css';

interface Props {
  label: string;
  value: string;
  copyLabel: string;
  copiedText: string;
  failedText: string;
}

export function CopyField({ label, value, copyLabel, copiedText, failedText }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch {
      // No clipboard (an old browser, no permission): select the link for the advisor to copy.
      input.current?.select();
      setResult('failed');
    }
  };
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      <span class="copy-row">
        <input
          id={id}
          ref={input}
          class="text-input"
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="button secondary" onClick={() => void copy()}>
          {copyLabel}
        </button>
      </span>
      <span class="hint" role="status">
        {result === 'copied' ? copiedText : result === 'failed' ? failedText : ''}
      </span>
    </div>
  );
}
