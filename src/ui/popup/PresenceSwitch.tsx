import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { PopupState, PresenceView } from '../../messages';
import type { PresenceState } from '../../providers/types';
import { ask } from '../api';
import { PRESENCE_LABELS } from '../presence';
import { cachedPresence, rememberPresence } from '../presence-cache';
import './presence.css';

interface Props {
  /** The active account while it is connected; nothing is shown without one that offers presence. */
  readonly account: PopupState['account'] | undefined;
}

type Failure = NonNullable<PresenceView['failure']>;

/**
 * The account's availability at its PBX, switched in one click. It shows the state the last popup
 * saw at once, then what the provider reports now. After a switch it shows what the provider
 * reports on a fresh read, never what was asked for; when that differs from the request, it says
 * so, and a failure says why.
 */
export function PresenceSwitch({ account }: Props) {
  const states = account?.capabilities.presence ?? [];
  const accountId = account?.id ?? '';
  const [shown, setShown] = useState<PresenceState | undefined>(() => cachedPresence(accountId));
  const [busy, setBusy] = useState<'reading' | 'switching' | undefined>('reading');
  const [failure, setFailure] = useState<Failure>();
  /** The provider reported another state than the one just asked for, without an error. */
  const [declined, setDeclined] = useState(false);
  const offered = states.length > 0;

  /** Takes in the provider's answer: its state, when it gave one, replaces what is shown. */
  const take = (view: PresenceView): void => {
    if (view.accountId !== accountId) return;
    if (view.state) {
      setShown(view.state);
      rememberPresence(accountId, view.state);
    }
    setFailure(view.failure);
  };

  useEffect(() => {
    if (!offered) return;
    let current = true;
    void ask({ type: 'presence' }).then((reply) => {
      if (!current) return;
      setBusy(undefined);
      if (reply.ok) take(reply.value);
      else setFailure(reply);
    });
    return () => {
      current = false;
    };
    // One read per account the popup shows; `take` only closes over that account.
  }, [accountId, offered]);

  if (!offered) return null;

  const switchTo = async (state: PresenceState) => {
    setBusy('switching');
    setFailure(undefined);
    setDeclined(false);
    const reply = await ask({ type: 'set-presence', state });
    setBusy(undefined);
    if (!reply.ok) {
      setFailure(reply);
      return;
    }
    take(reply.value);
    setDeclined(reply.value.state !== undefined && reply.value.state !== state && !reply.value.failure);
  };

  return (
    <fieldset class="presence" aria-busy={busy !== undefined} aria-describedby="presence-status">
      <legend>{t('presenceLegend')}</legend>
      <div class="presence-states">
        {states.map((state) => (
          <button
            key={state}
            type="button"
            aria-pressed={shown === state}
            // Not `disabled`: a disabled button drops the keyboard focus the user pressed it with.
            aria-disabled={busy === 'switching' ? 'true' : undefined}
            onClick={() => {
              if (busy !== 'switching') void switchTo(state);
            }}
          >
            <span class={`dot presence-${state}`} aria-hidden="true" />
            {t(PRESENCE_LABELS[state])}
          </button>
        ))}
      </div>
      <p id="presence-status" class="hint" role="status">
        {busy === 'reading' && shown === undefined ? t('presenceChecking') : null}
        {declined && shown ? t('presenceKept', [t(PRESENCE_LABELS[shown])]) : null}
      </p>
      {failure ? (
        <p class="error" role="alert">
          {t(failure.reason, failure.details)}
        </p>
      ) : null}
    </fieldset>
  );
}
