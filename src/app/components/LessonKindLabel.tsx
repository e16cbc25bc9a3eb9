// A lesson's kind (reading, quiz, checklist, reflection) as an icon and a word.
import type { LessonKind } from '../../shared/course';
import { useI18n } from '../state/context';
import { Icon } from './Icon';

export function LessonKindLabel({ kind }: { kind: LessonKind }) {
  const { t } = useI18n();
  return (
    <span class="kind-label">
      <Icon name={kind} />
      {t(`kind.${kind}`)}
    </span>
  );
}
