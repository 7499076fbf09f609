import { t, uiLanguage } from '../../i18n';
import { DIAL_ERROR_MESSAGES } from '../../messages';
import { countryName, NUMBER_TYPE_KEYS, type NumberReading } from '../number-input';
import { NumberWhereWhen } from './NumberWhereWhen';

interface Props {
  readonly id: string;
  readonly reading: NumberReading;
  /** Show a reading's error (after an attempt, a paste or leaving the field), not while typing. */
  readonly showError: boolean;
  /** "Calls …" or "Sends to …". */
  readonly verbKey: string;
}

/** The normalised number a dial input will use, or why it cannot. */
export function NumberPreview({ id, reading, showError, verbKey }: Props) {
  let content = null;
  if (reading.kind === 'ok') {
    const { number } = reading;
    const typeKey = NUMBER_TYPE_KEYS[number.type];
    const about = [countryName(number.country, uiLanguage()), typeKey ? t(typeKey) : ''].filter(Boolean).join(' · ');
    content = (
      <>
        {t(verbKey)} <strong>{number.international}</strong>
        {about ? <span class="muted"> · {about}</span> : null}
        <NumberWhereWhen e164={number.e164} />
      </>
    );
  } else if (reading.kind === 'error' && showError) {
    content = <span class="error">{t(DIAL_ERROR_MESSAGES[reading.error])}</span>;
  }
  return (
    <p id={id} class="preview" aria-live="polite" style={{ margin: 0 }}>
      {content}
    </p>
  );
}
