// "Også på nynorsk", "Also in English": links to the same course in other languages. Each link is
// worded in the language it leads to (like a language switcher), so a reader of that language
// recognises it; a language the interface has no dictionary for is named in the current one.
import { ALSO_IN, isUiLanguage } from '../i18n';
import { paths } from '../routes';
import { useI18n } from '../state/context';
import type { Translation } from './course-languages';
import { MetaLine } from './MetaLine';

interface Props {
  translations: Translation[];
  /** Id of the element naming the course these are translations of (a card's title). */
  describedBy?: string;
}

export function TranslationLinks({ translations, describedBy }: Props) {
  const current = useI18n();
  if (translations.length === 0) return null;
  return (
    <MetaLine
      items={translations.map(({ language, entry }) => {
        // The other languages' dictionaries are loaded only on a switch: their link texts are
        // kept in ALSO_IN.
        const known = isUiLanguage(language);
        const { t, lang } = current;
        return (
          <a
            class="translation-link"
            href={paths.course(entry.id)}
            hreflang={language}
            lang={known ? language : lang}
            aria-describedby={describedBy}
          >
            {known
              ? ALSO_IN[language]
              : t('course.alsoIn', { language: t(`language.${language}`) })}
          </a>
        );
      })}
    />
  );
}
