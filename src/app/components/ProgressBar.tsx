// A course's or lesson's completion in percent, shown as "40 % fullført".
import { useI18n } from '../state/context';
import { Meter } from './Meter';

interface Props {
  /** 0–100. */
  percent: number;
  /** Accessible name, e.g. "Kursfremdrift". */
  label: string;
}

export function ProgressBar({ percent, label }: Props) {
  const { t, percent: formatPercent } = useI18n();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const text = t('unit.percentDone', { percent: formatPercent(value) });
  return <Meter label={label} value={value} max={100} text={text} />;
}
