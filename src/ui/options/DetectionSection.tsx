import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { DETECTION_MODES, normaliseSites, type Settings } from '../../settings';
import { Locked } from './Locked';

interface Props {
  readonly settings: Settings;
  readonly locked: boolean;
  readonly onSave: (patch: Partial<Settings>) => void;
}

const MODE_KEYS = {
  everywhere: 'detectionEverywhere',
  'only-listed': 'detectionOnlyListed',
  'except-listed': 'detectionExceptListed',
} as const;

/** Where Ringback marks numbers: everywhere, only on listed sites, or everywhere but them. */
export function DetectionSection({ settings, locked, onSave }: Props) {
  const { mode, sites } = settings.detection;
  const [text, setText] = useState(sites.join('\n'));
  const saveSites = () => {
    const list = normaliseSites(text.split(/[\n,]+/));
    setText(list.join('\n'));
    if (list.join('\n') !== sites.join('\n')) onSave({ detection: { mode, sites: list } });
  };
  return (
    <section class="card" aria-labelledby="detection-heading">
      <h2 id="detection-heading">{t('optionsDetection')}</h2>
      <fieldset disabled={locked}>
        <legend>{t('optionsDetectionMode')}</legend>
        {DETECTION_MODES.map((value) => (
          <label class="choice" key={value}>
            <input
              type="radio"
              name="detection-mode"
              value={value}
              checked={mode === value}
              onChange={() => onSave({ detection: { mode: value, sites } })}
            />
            <span>{t(MODE_KEYS[value])}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="detection-sites">{t('optionsSites')}</label>
        <textarea
          id="detection-sites"
          rows={4}
          value={text}
          disabled={locked}
          spellcheck={false}
          placeholder="crm.example.com"
          aria-describedby="detection-sites-hint"
          onInput={(e) => setText(e.currentTarget.value)}
          onBlur={saveSites}
        />
        <p id="detection-sites-hint" class="hint" style={{ margin: 0 }}>
          {t('optionsSitesHint')}
        </p>
      </div>
      {locked ? <Locked /> : null}
    </section>
  );
}
