import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { readNumber } from '../number-input';
import { usePhone } from '../phone';
import { NumberPreview } from './NumberPreview';

interface Props {
  readonly defaultCountry: string;
  /** E.164 when the number was understood here, else the text as typed (the background checks it). */
  readonly onCall: (number: string) => void;
  readonly disabled?: boolean;
  /** Take the keyboard focus on opening: the popup's first job is typing a number. */
  readonly autoFocus?: boolean;
}

/** Type or paste any number; see what will be dialled; Enter or the button calls it. */
export function DialBox({ defaultCountry, onCall, disabled = false, autoFocus = false }: Props) {
  const phone = usePhone();
  const [text, setText] = useState('');
  const [showError, setShowError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A paste is a finished number: its verdict shows at once, unlike a number still being typed.
  const pasted = useRef(false);
  const reading = readNumber(text, defaultCountry, phone);
  useEffect(() => {
    if (autoFocus && !disabled) input.current?.focus();
  }, [autoFocus, disabled]);
  const invalid = showError && (reading.kind === 'error' || reading.kind === 'empty');

  const submit = (event: Event) => {
    event.preventDefault();
    if (reading.kind === 'ok') onCall(reading.number.e164);
    else if (reading.kind === 'pending') onCall(text.trim());
    else {
      setShowError(true);
      input.current?.focus();
    }
  };

  return (
    <form class="dial" onSubmit={submit} aria-label={t('dialFormLabel')}>
      <label for="dial-input" class="label">
        {t('dialLabel')}
      </label>
      <div class="dial-row">
        <input
          ref={input}
          id="dial-input"
          type="tel"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('dialPlaceholder')}
          value={text}
          disabled={disabled}
          aria-describedby="dial-preview"
          aria-invalid={invalid}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setShowError(pasted.current);
            pasted.current = false;
          }}
          onPaste={() => {
            pasted.current = true;
          }}
          onBlur={() => setShowError(text.trim() !== '')}
        />
        <button type="submit" class="primary" disabled={disabled}>
          {t('callButton')}
        </button>
      </div>
      {reading.kind === 'empty' && invalid ? (
        <p id="dial-preview" class="preview error" aria-live="polite" style={{ margin: 0 }}>
          {t('dialErrorEmpty')}
        </p>
      ) : (
        <NumberPreview id="dial-preview" reading={reading} showError={showError} verbKey="dialPreviewCalls" />
      )}
    </form>
  );
}
