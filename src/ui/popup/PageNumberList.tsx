import { t } from '../../i18n';
import type { PageNumber } from '../../messages';

interface Props {
  readonly numbers: readonly PageNumber[];
  readonly canSms: boolean;
  readonly onCall: (number: PageNumber) => void;
  readonly onSms: (number: PageNumber) => void;
}

/** The numbers on the tab the popup was opened on, each callable from here. */
export function PageNumberList({ numbers, canSms, onCall, onSms }: Props) {
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
