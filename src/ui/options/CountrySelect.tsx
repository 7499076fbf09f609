import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../i18n';
import { countryName } from '../number-input';

interface Props {
  readonly id: string;
  readonly value: string;
  readonly disabled: boolean;
  readonly describedBy?: string;
  readonly onChange: (country: string) => void;
}

/** Every country libphonenumber knows, by name in the UI language; empty means automatic. */
export function CountrySelect({ id, value, disabled, describedBy, onChange }: Props) {
  const [codes, setCodes] = useState<readonly string[]>(value ? [value] : []);
  useEffect(() => {
    let live = true;
    void import('libphonenumber-js/max').then(({ getCountries }) => {
      if (live) setCodes(getCountries());
    });
    return () => {
      live = false;
    };
  }, []);
  const language = uiLanguage();
  const options = useMemo(
    () =>
      codes
        .map((code) => ({ code, name: countryName(code, language) }))
        .sort((a, b) => a.name.localeCompare(b.name, language)),
    [codes, language],
  );
  return (
    <select
      id={id}
      value={value}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      <option value="">{t('optionsCountryAuto')}</option>
      {options.map(({ code, name }) => (
        <option key={code} value={code}>
          {name} ({code})
        </option>
      ))}
    </select>
  );
}
