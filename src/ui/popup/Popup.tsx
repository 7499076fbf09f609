import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type {
  AccountChoice,
  CallListAction,
  CallListView,
  CallOrigin,
  CallReport,
  HistoryEntry,
  PageNumber,
  PopupState,
  SettingsView,
} from '../../messages';
import { ask, onCallListUpdate, onCallUpdate, openOptions, pageNumbers, type TargetTab, targetTab } from '../api';
import { formatNumber } from '../format';
import { useSettingsLanguage } from '../language';
import { usePhone } from '../phone';
import { cachedPopupState, rememberPopupState } from '../popup-cache';
import { PROVIDER_NAMES } from '../providers';
import { AccountStatus } from './AccountStatus';
import { CallList } from './CallList';
import { CallStatus } from './CallStatus';
import { ChoiceSelect } from './ChoiceSelect';
import { DialBox } from './DialBox';
import { PageNumberList } from './PageNumberList';
import { PresenceSwitch } from './PresenceSwitch';
import { RecentCalls } from './RecentCalls';
import { SmsComposer } from './SmsComposer';

type Status = CallReport & { readonly at: number };
interface Pending {
  readonly number: string;
  readonly origin?: CallOrigin;
}
/** When the tab had no numbers yet, how long until it is asked again. */
const RELIST_MS = 1_500;

type Failure = { readonly reason: string; readonly details?: readonly string[] };

/**
 * The toolbar popup. It renders as soon as the one `popup-state` reply is in; history, the page's
 * numbers and the settings (language, other accounts) fill in as they arrive, never blocking the
 * dial box.
 */
export function Popup() {
  const phone = usePhone();
  const [state, setState] = useState<PopupState | undefined>(cachedPopupState);
  // Until the background answers, the state shown is the last popup's: look, but do not switch.
  const [fresh, setFresh] = useState(false);
  const [stateError, setStateError] = useState<Failure>();
  const [refreshing, setRefreshing] = useState(false);
  const [settings, setSettings] = useState<SettingsView>();
  const [history, setHistory] = useState<readonly HistoryEntry[]>();
  const [historyError, setHistoryError] = useState<Failure>();
  const [tab, setTab] = useState<TargetTab>();
  const [numbers, setNumbers] = useState<readonly PageNumber[]>([]);
  const [status, setStatus] = useState<Status>();
  const [pending, setPending] = useState<Pending>();
  const [choiceError, setChoiceError] = useState<Failure>();
  const [mode, setMode] = useState<'call' | 'sms'>('call');
  const [smsTo, setSmsTo] = useState('');
  const [hangingUp, setHangingUp] = useState(false);
  const [hangUpError, setHangUpError] = useState<Failure>();
  const [callList, setCallList] = useState<CallListView | null>(null);
  const [callListBusy, setCallListBusy] = useState(false);
  const [callListError, setCallListError] = useState<Failure>();
  useSettingsLanguage(settings?.settings.language);

  const loadState = useCallback(async () => {
    const reply = await ask({ type: 'popup-state' });
    if (reply.ok) {
      setState(reply.value);
      setFresh(true);
      rememberPopupState(reply.value);
      setStateError(undefined);
      if (reply.value.lastCall) setStatus((current) => current ?? reply.value.lastCall);
      if (reply.value.smsRecipient && reply.value.account?.capabilities.sms) {
        setSmsTo(reply.value.smsRecipient);
        setMode('sms');
      }
    } else {
      setStateError(reply);
    }
  }, []);

  const loadHistory = useCallback(async () => {
    const reply = await ask({ type: 'history' });
    if (reply.ok) {
      setHistory(reply.value);
      setHistoryError(undefined);
    } else {
      setHistoryError(reply);
    }
  }, []);

  useEffect(() => {
    void loadState();
    void loadHistory();
    void ask({ type: 'call-list' }).then((reply) => reply.ok && setCallList(reply.value));
    const stopListUpdates = onCallListUpdate((list) => {
      setCallList(list);
      void loadHistory();
    });
    void ask({ type: 'get-settings' }).then((reply) => reply.ok && setSettings(reply.value));
    void targetTab().then(async (found) => {
      setTab(found);
      if (!found) return;
      const listed = await pageNumbers(found.id);
      setNumbers(listed);
      // A page still loading may not have been scanned yet: look once more.
      if (listed.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, RELIST_MS));
        setNumbers(await pageNumbers(found.id));
      }
    });
    const stopCallUpdates = onCallUpdate((report) => {
      setStatus((current) => (current && current.at > report.at ? current : report));
      if (report.phase === 'ended' || report.phase === 'failed' || report.phase === 'connected') void loadHistory();
      // A call that can be hung up (a list's call too) is known from popup-state.
      if (report.phase === 'ringing') void loadState();
    });
    return () => {
      stopCallUpdates();
      stopListUpdates();
    };
  }, [loadState, loadHistory]);

  const homeCountry = state?.defaultCountry ?? '';
  const capabilities = state?.account?.capabilities;
  const deviceChoice = capabilities?.devices === true && (state?.devices.length ?? 0) > 0;
  const callerIdChoice = capabilities?.callerIds === true && (state?.callerIds.length ?? 0) > 0;

  const call = async (number: string, origin: CallOrigin | undefined, confirmed = false) => {
    setPending(undefined);
    setHangUpError(undefined);
    setStatus({ phase: 'requested', number, at: Date.now() });
    const reply = await ask({
      type: 'call',
      number,
      ...(origin ? { origin } : {}),
      ...(confirmed ? { confirmed: true } : {}),
    });
    const at = Date.now();
    if (!reply.ok) {
      setStatus({
        phase: 'failed',
        number,
        reason: reply.reason,
        ...(reply.details ? { details: reply.details } : {}),
        at,
      });
      return;
    }
    setStatus((current) => (current && current.at > at ? current : { ...reply.value, at }));
    if (reply.value.phase === 'confirm')
      setPending({ number: reply.value.number ?? number, ...(origin ? { origin } : {}) });
    // A ringing call may be one the user can hang up: popup-state says so.
    if (reply.value.phase === 'ringing') void loadState();
    void loadHistory();
  };

  // The status line is the call the background follows (same number, still in progress).
  const canHangUp =
    fresh &&
    state?.lastCall?.canHangUp === true &&
    (status?.phase === 'ringing' || status?.phase === 'connected') &&
    status.number === state.lastCall.number;

  const hangUp = async () => {
    setHangingUp(true);
    setHangUpError(undefined);
    const reply = await ask({ type: 'hang-up' });
    setHangingUp(false);
    if (!reply.ok) {
      setHangUpError(reply);
      return;
    }
    // The background broadcasts "ended" too; this keeps the line right if that arrives late.
    setStatus((current) =>
      current ? { phase: 'ended', ...(current.number ? { number: current.number } : {}), at: Date.now() } : current,
    );
    void loadState();
    void loadHistory();
  };

  const choose = async (choice: AccountChoice) => {
    if (!state) return;
    const previous = state;
    setState({ ...state, choice: { ...state.choice, ...choice } });
    const reply = await ask({ type: 'choose', choice });
    if (reply.ok) setChoiceError(undefined);
    else {
      setState(previous);
      setChoiceError(reply);
    }
  };

  const switchAccount = async (accountId: string) => {
    const reply = await ask({ type: 'set-active-account', accountId });
    if (!reply.ok) {
      setChoiceError(reply);
      return;
    }
    setStatus(undefined);
    await Promise.all([loadState(), loadHistory()]);
  };

  const retry = async () => {
    setRefreshing(true);
    await loadState();
    setRefreshing(false);
  };

  const openSms = (number: string) => {
    setSmsTo(number);
    setMode('sms');
  };

  // A redial keeps the page it was first placed from: history records its title and address (older
  // entries only the host).
  const redial = (entry: HistoryEntry) =>
    call(
      entry.number,
      entry.origin?.host
        ? { title: entry.origin.title, url: entry.origin.url ?? `https://${entry.origin.host}/` }
        : undefined,
    );

  const startList = async (listed: readonly PageNumber[]) => {
    setCallListError(undefined);
    setCallListBusy(true);
    const reply = await ask({
      type: 'call-list-start',
      numbers: listed.map((n) => n.e164),
      ...(tab?.origin ? { origin: tab.origin } : {}),
    });
    setCallListBusy(false);
    if (!reply.ok) {
      setCallListError(reply);
      return;
    }
    setCallList(reply.value);
    // The ticked numbers and their start button make way for the list: the keyboard focus follows.
    requestAnimationFrame(() => document.getElementById('call-list-heading')?.focus());
  };

  const actOnList = async (action: CallListAction) => {
    setCallListError(undefined);
    setCallListBusy(true);
    const reply = await ask({ type: 'call-list-action', action });
    setCallListBusy(false);
    if (reply.ok) setCallList(reply.value);
    else setCallListError(reply);
  };

  const saveNote = async (entry: HistoryEntry, note: string) => {
    const reply = await ask({ type: 'history-note', id: entry.id, note });
    if (reply.ok) await loadHistory();
    else setHistoryError(reply);
    return reply.ok;
  };

  // After a call, its history entry offers a note (the newest call to that number).
  const noteOfferId =
    status?.number && (status.phase === 'ringing' || status.phase === 'connected' || status.phase === 'ended')
      ? history?.find((e) => e.kind === 'call' && e.direction === 'outgoing' && e.number === status.number)?.id
      : undefined;

  const accounts = settings?.settings.accounts ?? [];
  const activeLocked = settings?.locked.includes('activeAccountId') ?? false;

  return (
    <main class="popup">
      <header>
        {state ? (
          <AccountStatus
            state={state}
            onFix={() => void openOptions(state.account?.id)}
            onRetry={() => void retry()}
            retrying={refreshing}
          />
        ) : (
          <div class="account">
            <div class="account-name">{t('extName')}</div>
            {stateError ? (
              <p class="error" role="alert">
                {t(stateError.reason, stateError.details)}
              </p>
            ) : null}
          </div>
        )}
        <button
          type="button"
          class="small"
          onClick={() => void openOptions()}
          aria-label={t('popupOpenOptions')}
          title={t('popupOpenOptions')}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </header>
      <PresenceSwitch
        key={state?.account?.id}
        account={state?.connection.status === 'ok' ? state.account : undefined}
      />

      {accounts.length > 1 && state?.account ? (
        <ChoiceSelect
          id="account-select"
          label={t('popupAccount')}
          value={state.account.id}
          options={accounts.map((a) => ({ id: a.id, label: a.label || PROVIDER_NAMES[a.provider] }))}
          onChange={(id) => void switchAccount(id)}
          disabled={!fresh || activeLocked}
        />
      ) : null}

      {state?.account && (deviceChoice || callerIdChoice) ? (
        <div class="choices">
          {deviceChoice ? (
            <ChoiceSelect
              id="device-select"
              label={t('popupDevice')}
              value={state.choice.deviceId}
              options={state.devices.map((d) => ({ id: d.id, label: d.name }))}
              placeholder={t('popupChooseDevice')}
              onChange={(deviceId) => void choose({ deviceId })}
              disabled={!fresh}
            />
          ) : null}
          {callerIdChoice ? (
            <ChoiceSelect
              id="caller-id-select"
              label={t('popupCallerId')}
              value={state.choice.callerId}
              options={state.callerIds.map((c) => ({
                id: c.id,
                label:
                  c.label && c.label !== c.number
                    ? `${c.label} (${formatNumber(c.number, phone, homeCountry)})`
                    : formatNumber(c.number, phone, homeCountry),
              }))}
              placeholder={t('popupCallerIdDefault')}
              onChange={(callerId) => void choose({ callerId })}
              disabled={!fresh}
            />
          ) : null}
        </div>
      ) : null}
      {choiceError ? (
        <p class="error" role="alert">
          {t(choiceError.reason, choiceError.details)}
        </p>
      ) : null}

      {capabilities?.sms ? (
        <fieldset class="modes">
          <legend class="visually-hidden">{t('popupMode')}</legend>
          <button type="button" aria-pressed={mode === 'call'} onClick={() => setMode('call')}>
            {t('popupModeCall')}
          </button>
          <button type="button" aria-pressed={mode === 'sms'} onClick={() => setMode('sms')}>
            {t('popupModeSms')}
          </button>
        </fieldset>
      ) : null}

      {mode === 'sms' && state && capabilities?.sms ? (
        <SmsComposer
          key={smsTo}
          recipient={smsTo}
          defaultCountry={homeCountry}
          senders={state.smsSenders}
          senderId={state.choice.smsSenderId}
          onSenderChange={(smsSenderId) => void choose({ smsSenderId })}
          onSend={(recipient, message, senderId) =>
            ask({ type: 'send-sms', recipient, message, ...(senderId ? { senderId } : {}) }).then((reply) => {
              if (reply.ok) void loadHistory();
              return reply;
            })
          }
        />
      ) : (
        <>
          <DialBox
            autoFocus
            defaultCountry={homeCountry}
            disabled={state !== undefined && !state.account}
            onCall={(number) => void call(number, tab?.origin)}
          />
          {status ? (
            <CallStatus
              report={status}
              {...(status.number ? { number: formatNumber(status.number, phone, homeCountry) } : {})}
              onConfirm={() => pending && void call(pending.number, pending.origin, true)}
              onCancel={() => {
                setPending(undefined);
                setStatus(undefined);
              }}
              {...(canHangUp ? { onHangUp: () => void hangUp(), hangingUp } : {})}
              {...(hangUpError ? { hangUpError: t(hangUpError.reason, hangUpError.details) } : {})}
            />
          ) : null}
        </>
      )}

      {callList ? (
        <CallList
          list={callList}
          format={(e164) => formatNumber(e164, phone, homeCountry)}
          onAct={(action) => void actOnList(action)}
          busy={callListBusy}
          {...(callListError ? { error: t(callListError.reason, callListError.details) } : {})}
        />
      ) : null}

      <PageNumberList
        numbers={numbers}
        homeCountry={homeCountry}
        canSms={capabilities?.sms ?? false}
        onCall={(n) => void call(n.e164, tab?.origin)}
        onSms={(n) => openSms(n.e164)}
        {...(state?.account && !callList ? { onStartList: (listed) => void startList(listed) } : {})}
      />
      {callListError && !callList ? (
        <p class="error" role="alert">
          {t(callListError.reason, callListError.details)}
        </p>
      ) : null}

      {state?.account ? (
        <RecentCalls
          entries={history}
          {...(historyError ? { error: t(historyError.reason, historyError.details) } : {})}
          homeCountry={homeCountry}
          canSms={capabilities?.sms ?? false}
          now={Date.now()}
          onCall={(entry) => void redial(entry)}
          onSms={(entry) => openSms(entry.number)}
          onClear={() =>
            void ask({ type: 'clear-history' }).then((reply) => {
              if (reply.ok) void loadHistory();
            })
          }
          onNote={saveNote}
          {...(noteOfferId ? { noteOfferId } : {})}
        />
      ) : null}
    </main>
  );
}
