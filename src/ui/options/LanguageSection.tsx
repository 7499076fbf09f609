import { t } from '../../i18n';
import { LOCALES, type Locale, type Settings } from '../../settings';
import { Locked } from './Locked';

interface Props {
  readonly language: Settings['language'];
  readonly locked: boolean;
  readonly onSave: (patch: Partial<Settings>) => void;
}

/** Each language in its own name: someone who cannot read the current one can still find theirs. */
const NATIVE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  de: 'Deutsch',
  nl: 'Nederlands',
  fr: 'Français',
  es: 'Español',
};

export function LanguageSection({ language, locked, onSave }: Props) {
  return (
    <section class="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('optionsLanguage')}</h2>
      <div class="field">
        <label for="language">{t('optionsLanguageLabel')}</label>
        <select
          id="language"
          value={language}
          disabled={locked}
          onChange={(e) => onSave({ language: e.currentTarget.value as Settings['language'] })}
        >
          <option value="">{t('optionsLanguageBrowser')}</option>
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {NATIVE_NAMES[code]}
            </option>
          ))}
        </select>
        {locked ? <Locked /> : null}
      </div>
    </section>
  );
}
