// A download's progress in bytes (role=progressbar, value and maximum in bytes), with the text
// "0,4 av 1,2 MB" shown and used as the value text, so the bar's colour is never the only cue.
import { useI18n } from '../state/context';

interface Props {
  /** Accessible name, e.g. "Nedlasting av Trygg e-post". */
  label: string;
  done: number;
  total: number;
  /** Visible text instead of the plain "0,4 av 1,2 MB". */
  text?: string;
}

export function ByteProgressBar({ label, done, total, text }: Props) {
  const { bytesOf } = useI18n();
  const max = Math.max(1, Math.round(total));
  const now = Math.max(0, Math.min(max, Math.round(done)));
  const valueText = text ?? bytesOf(now, total);
  return (
    <div class="progress byte-progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={valueText}
      >
        <div class="progress-fill" style={{ width: `${(now / max) * 100}%` }} />
      </div>
      <span class="progress-text" aria-hidden="true">
        {valueText}
      </span>
    </div>
  );
}
