// A labelled progress bar (role=progressbar) with the percentage also shown as text, so the bar's
// colour is never the only cue.
import { useI18n } from '../state/context';

interface Props {
  /** 0–100. */
  percent: number;
  /** Accessible name, e.g. "Kursframdrift". */
  label: string;
}

export function ProgressBar({ percent, label }: Props) {
  const { t, percent: formatPercent } = useI18n();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const text = t('unit.percentDone', { percent: formatPercent(value) });
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        {/* Width through the CSSOM (allowed by the CSP), not a style attribute in markup. */}
        <div class="progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span class="progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
