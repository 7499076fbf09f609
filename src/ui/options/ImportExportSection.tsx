import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { AccountMove } from '../../messages';
import { ask } from '../api';
import { PROVIDER_NAMES } from '../providers';

interface Props {
  readonly onImported: () => Promise<void>;
}

type Outcome = { readonly kind: 'ok' | 'error'; readonly lines: readonly string[] };

/** A file that would move accounts elsewhere, waiting for the user's word. */
interface Pending {
  readonly name: string;
  readonly json: string;
  readonly moves: readonly AccountMove[];
  readonly token: string;
}

/** The most a settings file may be; the background refuses longer messages anyway. */
const MAX_FILE_BYTES = 1_000_000;

/** Settings to and from a JSON file. Login credentials travel only when the user asks for them. */
export function ImportExportSection({ onImported }: Props) {
  const [withCredentials, setWithCredentials] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [pending, setPending] = useState<Pending>();

  const exportFile = async () => {
    const reply = await ask({ type: 'export-settings', includeCredentials: withCredentials });
    if (!reply.ok) {
      setOutcome({ kind: 'error', lines: [t('exportFailed'), t(reply.reason, reply.details)] });
      return;
    }
    const url = URL.createObjectURL(new Blob([reply.value], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `ringback-settings-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setOutcome({ kind: 'ok', lines: [t(withCredentials ? 'exportDoneWithCredentials' : 'exportDone')] });
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that picking the same file again (after fixing it) is a change again.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({
        kind: 'error',
        lines: [t('importFailed', [file.name]), t('importTooLarge'), t('importNothingChanged')],
      });
      return;
    }
    await send(file.name, await file.text());
  };

  /** Sends the file; `token` confirms the moves the user was shown for exactly this file. */
  const send = async (name: string, json: string, token?: string) => {
    setPending(undefined);
    const reply = await ask({ type: 'import-settings', json, ...(token ? { confirm: token } : {}) });
    if (!reply.ok) {
      // The background's reasons say that nothing changed; it changes nothing unless all is valid.
      setOutcome({ kind: 'error', lines: [t('importFailed', [name]), t(reply.reason, reply.details)] });
      return;
    }
    if (!reply.value.applied) {
      setOutcome(undefined);
      setPending({ name, json, moves: reply.value.moves, token: reply.value.token });
      return;
    }
    const { problems } = reply.value;
    setOutcome({
      kind: 'ok',
      lines: [t('importDone'), ...(problems.length > 0 ? [t('importProblems', [problems.join(', ')])] : [])],
    });
    await onImported();
  };

  const cancel = () => {
    if (pending) setOutcome({ kind: 'ok', lines: [t('importCancelled', [pending.name]), t('importNothingChanged')] });
    setPending(undefined);
  };

  return (
    <section class="card" aria-labelledby="transfer-heading">
      <div>
        <h2 id="transfer-heading">{t('optionsTransfer')}</h2>
        <p class="hint" style={{ margin: 0 }}>
          {t('optionsTransferHint')}
        </p>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void exportFile()}>
          {t('exportButton')}
        </button>
        <label class="choice">
          <input
            type="checkbox"
            checked={withCredentials}
            onChange={(e) => setWithCredentials(e.currentTarget.checked)}
          />
          <span>{t('exportWithCredentials')}</span>
        </label>
      </div>
      {withCredentials ? (
        <p class="hint" style={{ margin: 0 }}>
          {t('exportCredentialsWarning')}
        </p>
      ) : null}
      <div class="field">
        <label for="import-file">{t('importLabel')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importFile(e.currentTarget)}
        />
      </div>
      {pending ? (
        <div class="notice error" role="alert" aria-labelledby="import-moves-heading">
          <p id="import-moves-heading">{t('importMovesTitle', [pending.name])}</p>
          <ul class="import-moves">
            {pending.moves.map((move) => (
              <li key={move.accountId}>
                {t('importMove', [
                  move.label || PROVIDER_NAMES[move.from.provider],
                  `${PROVIDER_NAMES[move.from.provider]} ${move.from.host}`,
                  `${PROVIDER_NAMES[move.to.provider]} ${move.to.host}`,
                ])}
              </li>
            ))}
          </ul>
          <p>{t('importMovesHint')}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void send(pending.name, pending.json, pending.token)}>
              {t('importMovesConfirm')}
            </button>
            <button type="button" onClick={cancel}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {outcome ? (
        <div class={`notice ${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
