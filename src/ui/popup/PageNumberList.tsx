import { t, uiLanguage } from '../../i18n';
import type { PageNumber } from '../../messages';
import { countryName } from '../number-input';

interface Props {
  readonly numbers: readonly PageNumber[];
  /** The user's default country: another country a number calls is named. */
  readonly homeCountry?: string;
  readonly canSms: boolean;
  readonly onCall: (number: PageNumber) => void;
  readonly onSms: (number: PageNumber) => void;
}

/** The numbers on the tab the popup was opened on, each callable from here. */
export function PageNumberList({ numbers, homeCountry, canSms, onCall, onSms }: Props) {
  const unique = [...new Map(numbers.map((n) => [n.e164, n])).values()];
  if (unique.length === 0) return null;
  return (
    <section class="section" aria-labelledby="page-heading">
      <h2 id="page-heading">{t('pageNumbersHeading', [String(unique.length)])}</h2>
      <ul class="list">
        {unique.map((n) => (
          <li key={n.e164}>
            <div class="entry">
              <div class="entry-number">{n.international}</div>
              {n.text.trim() !== n.international ? (
                <div class="entry-meta" title={n.text}>
                  {t('pageNumberWritten', [n.text.trim()])}
                </div>
              ) : null}
              {numberDetails(n, homeCountry) ? <div class="entry-meta">{numberDetails(n, homeCountry)}</div> : null}
            </div>
            <button
              type="button"
              class="small"
              aria-label={t('callNumber', [n.international])}
              onClick={() => onCall(n)}
            >
              {t('callButton')}
            </button>
            {canSms ? (
              <button
                type="button"
                class="small"
                aria-label={t('smsNumber', [n.international])}
                onClick={() => onSms(n)}
              >
                {t('smsButton')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The country a number calls when it is not the user's own, and an extension to ask for. */
function numberDetails(number: PageNumber, homeCountry: string | undefined): string {
  const parts: string[] = [];
  if (number.country && number.country !== homeCountry) parts.push(countryName(number.country, uiLanguage()));
  if (number.extension) parts.push(t('cardExtension', [number.extension]));
  return parts.join(' · ');
}
