// A download's progress in bytes (value and maximum in bytes), shown as "0,4 av 1,2 MB".
import { useI18n } from '../state/context';
import { Meter } from './Meter';

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
  const valueText = text ?? bytesOf(Math.max(0, Math.min(done, total)), total);
  return <Meter label={label} value={done} max={total} text={valueText} class="byte-progress" />;
}
