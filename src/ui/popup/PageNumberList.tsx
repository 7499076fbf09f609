import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { PageNumber } from '../../messages';
import { numberDetails } from '../number-details';
import { NumberWhereWhen } from './NumberWhereWhen';

interface Props {
  readonly numbers: readonly PageNumber[];
  /** The user's default country: another country a number calls is named. */
  readonly homeCountry?: string;
  readonly canSms: boolean;
  readonly onCall: (number: PageNumber) => void;
  readonly onSms: (number: PageNumber) => void;
  /** Offered when a call list can start: the numbers are selectable, and the selection is called in turn. */
  readonly onStartList?: (numbers: readonly PageNumber[]) => void;
}

/** The numbers on the tab the popup was opened on, each callable from here, or together as a call list. */
export function PageNumberList({ numbers, homeCountry, canSms, onCall, onSms, onStartList }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const unique = [...new Map(numbers.map((n) => [n.e164, n])).values()];
  if (unique.length === 0) return null;
  const chosen = unique.filter((n) => selected.has(n.e164));
  const allChosen = chosen.length === unique.length;
  const toggle = (e164: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(e164);
      else next.delete(e164);
      return next;
    });
  return (
    <section class="section" aria-labelledby="page-heading">
      <div class="section-head">
        <h2 id="page-heading">{t('pageNumbersHeading', [String(unique.length)])}</h2>
        {onStartList ? (
          <label class="choice small-choice">
            <input
              type="checkbox"
              checked={allChosen}
              onChange={(e) => setSelected(new Set(e.currentTarget.checked ? unique.map((n) => n.e164) : []))}
            />
            <span>{t('callListSelectAll')}</span>
          </label>
        ) : null}
      </div>
      <ul class="list">
        {unique.map((n) => (
          <li key={n.e164}>
            {onStartList ? (
              <input
                type="checkbox"
                class="select-number"
                checked={selected.has(n.e164)}
                aria-label={t('callListSelectNumber', [n.international])}
                onChange={(e) => toggle(n.e164, e.currentTarget.checked)}
              />
            ) : null}
            <div class="entry">
              <div class="entry-number">{n.international}</div>
              <NumberWhereWhen e164={n.e164} />
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
      {onStartList ? (
        <div class="actions">
          <button
            type="button"
            class="primary small"
            disabled={chosen.length === 0}
            onClick={() => {
              onStartList(chosen);
              setSelected(new Set());
            }}
          >
            {t('callListStart', [String(chosen.length)])}
          </button>
        </div>
      ) : null}
    </section>
  );
}
