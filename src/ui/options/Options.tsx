import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { SettingsView } from '../../messages';
import type { Settings } from '../../settings';
import { ask } from '../api';
import { useSettingsLanguage } from '../language';
import { AccountsSection } from './AccountsSection';
import { CallingSection } from './CallingSection';
import { DetectionSection } from './DetectionSection';
import { ImportExportSection } from './ImportExportSection';
import { LanguageSection } from './LanguageSection';
import { Welcome } from './Welcome';

type Saved = { readonly kind: 'ok' | 'error'; readonly text: string; readonly at: number };

interface Props {
  /** Open this account's form at once (the popup's "fix" link). */
  readonly initialAccount?: string;
  /** Start at the welcome screen (first install, or the card's "Set up Ringback"). */
  readonly welcome?: boolean;
}

/**
 * The options page: accounts first (what a new user came for), then how Ringback behaves. The
 * welcome screen stands in for all of it until the user leaves it.
 */
export function Options({ initialAccount, welcome = false }: Props) {
  const [welcoming, setWelcoming] = useState(welcome);
  const [view, setView] = useState<SettingsView>();
  const [loadError, setLoadError] = useState<string>();
  const [saved, setSaved] = useState<Saved>();
  useSettingsLanguage(view?.settings.language);

  const load = useCallback(async () => {
    const reply = await ask({ type: 'get-settings' });
    if (reply.ok) {
      setView(reply.value);
      setLoadError(undefined);
    } else {
      setLoadError(t(reply.reason, reply.details));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (saved?.kind !== 'ok') return;
    const timer = setTimeout(() => setSaved(undefined), 4_000);
    return () => clearTimeout(timer);
  }, [saved]);

  const save = async (patch: Partial<Settings>) => {
    if (!view) return;
    const settings = { ...view.settings, ...patch };
    setView({ ...view, settings });
    const reply = await ask({ type: 'save-settings', settings });
    setSaved(
      reply.ok
        ? { kind: 'ok', text: t('optionsSaved'), at: Date.now() }
        : { kind: 'error', text: t('optionsSaveFailed', [t(reply.reason, reply.details)]), at: Date.now() },
    );
    await load();
  };

  const isLocked = (key: keyof Settings) => view?.locked.includes(key) ?? false;

  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="hint" style={{ margin: '4px 0 0' }}>
          {t('extDescription')}
        </p>
      </header>
      {loadError ? (
        <p class="notice error" role="alert">
          {loadError}
        </p>
      ) : null}
      {view && welcoming ? (
        <Welcome
          view={view}
          onChanged={load}
          onDone={() => {
            setWelcoming(false);
            // A reload now shows the full options, not the welcome again.
            history.replaceState(null, '', location.pathname);
          }}
        />
      ) : view ? (
        <>
          <AccountsSection view={view} {...(initialAccount ? { initialEdit: initialAccount } : {})} onChanged={load} />
          <CallingSection settings={view.settings} isLocked={isLocked} onSave={(patch) => void save(patch)} />
          <DetectionSection
            key={view.settings.detection.sites.join('\n')}
            settings={view.settings}
            locked={isLocked('detection')}
            onSave={(patch) => void save(patch)}
          />
          <LanguageSection
            language={view.settings.language}
            locked={isLocked('language')}
            onSave={(patch) => void save(patch)}
          />
          <ImportExportSection onImported={load} />
        </>
      ) : null}
      <p class={saved ? `notice ${saved.kind} toast` : 'visually-hidden'} role="status">
        {saved?.text ?? ''}
      </p>
    </main>
  );
}
