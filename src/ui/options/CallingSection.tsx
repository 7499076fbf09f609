import { t } from '../../i18n';
import { CALL_CONFIRMATIONS, CALL_LIST_PAUSE_MAX_SECONDS, type Settings } from '../../settings';
import { CountrySelect } from './CountrySelect';
import { Locked } from './Locked';

interface Props {
  readonly settings: Settings;
  readonly isLocked: (key: keyof Settings) => boolean;
  readonly onSave: (patch: Partial<Settings>) => void;
}

const CONFIRM_KEYS = {
  never: 'confirmNever',
  premium: 'confirmPremium',
  international: 'confirmInternational',
  always: 'confirmAlways',
} as const;

/** How calls are placed: home country, confirmation, tel: links, notifications, call-list pause. */
export function CallingSection({ settings, isLocked, onSave }: Props) {
  return (
    <section class="card" aria-labelledby="calling-heading">
      <h2 id="calling-heading">{t('optionsCalling')}</h2>
      <div class="field">
        <label for="default-country">{t('optionsCountry')}</label>
        <CountrySelect
          id="default-country"
          value={settings.defaultCountry}
          disabled={isLocked('defaultCountry')}
          describedBy="default-country-hint"
          onChange={(defaultCountry) => onSave({ defaultCountry })}
        />
        <p id="default-country-hint" class="hint" style={{ margin: 0 }}>
          {t('optionsCountryHint')}
        </p>
        {isLocked('defaultCountry') ? <Locked /> : null}
      </div>

      <fieldset disabled={isLocked('confirmCalls')}>
        <legend>{t('optionsConfirm')}</legend>
        {CALL_CONFIRMATIONS.map((level) => (
          <label class="choice" key={level}>
            <input
              type="radio"
              name="confirm-calls"
              value={level}
              checked={settings.confirmCalls === level}
              onChange={() => onSave({ confirmCalls: level })}
            />
            <span>{t(CONFIRM_KEYS[level])}</span>
          </label>
        ))}
        {isLocked('confirmCalls') ? <Locked /> : null}
      </fieldset>

      <fieldset>
        <legend>{t('optionsLinks')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.telLinks}
            disabled={isLocked('telLinks')}
            onChange={(e) => onSave({ telLinks: e.currentTarget.checked })}
          />
          <span>{t('optionsTelLinks')}</span>
        </label>
        {isLocked('telLinks') ? <Locked /> : null}
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.notifications}
            disabled={isLocked('notifications')}
            onChange={(e) => onSave({ notifications: e.currentTarget.checked })}
          />
          <span>{t('optionsNotifications')}</span>
        </label>
        {isLocked('notifications') ? <Locked /> : null}
      </fieldset>

      <div class="field">
        <label for="call-list-pause">{t('optionsCallListPause')}</label>
        <input
          id="call-list-pause"
          type="number"
          inputMode="numeric"
          min={0}
          max={CALL_LIST_PAUSE_MAX_SECONDS}
          step={1}
          value={settings.callListPauseSeconds}
          disabled={isLocked('callListPauseSeconds')}
          aria-describedby="call-list-pause-hint"
          onChange={(e) => {
            const seconds = e.currentTarget.valueAsNumber;
            // Out of range or not a whole number: the field goes back to the saved value.
            if (Number.isInteger(seconds) && seconds >= 0 && seconds <= CALL_LIST_PAUSE_MAX_SECONDS)
              onSave({ callListPauseSeconds: seconds });
            else e.currentTarget.value = String(settings.callListPauseSeconds);
          }}
        />
        <p id="call-list-pause-hint" class="hint" style={{ margin: 0 }}>
          {t('optionsCallListPauseHint')}
        </p>
        {isLocked('callListPauseSeconds') ? <Locked /> : null}
      </div>
    </section>
  );
}
