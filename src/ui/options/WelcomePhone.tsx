import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { PopupState } from '../../messages';
import { ask } from '../api';
import { ChoiceSelect } from '../popup/ChoiceSelect';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ok'; readonly state: PopupState }
  | { readonly kind: 'error'; readonly text: string };

/**
 * The welcome's last step, once the account is saved: which phone rings (the same choice the popup
 * offers), or that the provider rings all of them; then where to go from here.
 */
export function WelcomePhone() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [deviceId, setDeviceId] = useState('');
  const [choiceError, setChoiceError] = useState<string>();

  useEffect(() => {
    void ask({ type: 'popup-state' }).then((reply) => {
      if (!reply.ok) {
        setLoaded({ kind: 'error', text: t(reply.reason, reply.details) });
        return;
      }
      setLoaded({ kind: 'ok', state: reply.value });
      setDeviceId(reply.value.choice.deviceId);
    });
  }, []);

  if (loaded.kind === 'loading') return <p class="hint">{t('accountTesting')}</p>;
  if (loaded.kind === 'error') {
    return (
      <p class="notice error" role="alert">
        {loaded.text}
      </p>
    );
  }
  const { state } = loaded;
  const connection = state.connection;
  const choose = async (id: string) => {
    const previous = deviceId;
    setDeviceId(id);
    const reply = await ask({ type: 'choose', choice: { deviceId: id } });
    if (reply.ok) setChoiceError(undefined);
    else {
      setDeviceId(previous);
      setChoiceError(t(reply.reason, reply.details));
    }
  };
  return (
    <div class="welcome-phone">
      {connection.status === 'error' ? (
        <p class="notice error" role="alert">
          {t(connection.reason, connection.details)}
        </p>
      ) : null}
      {state.account?.capabilities.devices && state.devices.length > 0 ? (
        <ChoiceSelect
          id="welcome-device"
          label={t('popupDevice')}
          value={deviceId}
          options={state.devices.map((d) => ({ id: d.id, label: d.name }))}
          placeholder={t('popupChooseDevice')}
          onChange={(id) => void choose(id)}
        />
      ) : state.account && !state.account.capabilities.devices ? (
        <p class="hint">{t('welcomeAllPhones')}</p>
      ) : null}
      {choiceError ? (
        <p class="notice error" role="alert">
          {choiceError}
        </p>
      ) : null}
      {connection.status === 'ok' ? (
        <p class="notice ok" role="status">
          {t('welcomeReady')}
        </p>
      ) : null}
    </div>
  );
}
