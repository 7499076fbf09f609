import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { Reply } from '../../messages';
import type { SmsSender } from '../../providers/types';
import { SMS_MAX_LENGTH, smsSegments } from '../../sms';
import { readNumber } from '../number-input';
import { usePhone } from '../phone';
import { ChoiceSelect } from './ChoiceSelect';
import { NumberPreview } from './NumberPreview';
import { SmsCounter } from './SmsCounter';

interface Props {
  /** Filled in when the composer was opened for a number (page, history, context menu). */
  readonly recipient: string;
  readonly defaultCountry: string;
  readonly senders: readonly SmsSender[];
  readonly senderId: string;
  readonly onSenderChange: (senderId: string) => void;
  readonly onSend: (recipient: string, message: string, senderId: string) => Promise<Reply<null>>;
}

type Outcome =
  | { readonly kind: 'sending' }
  | { readonly kind: 'sent'; readonly to: string }
  | { readonly kind: 'error'; readonly text: string };

/** A quick SMS: recipient, sending extension, the text with a live count. A failure keeps the text. */
export function SmsComposer({ recipient, defaultCountry, senders, senderId, onSenderChange, onSend }: Props) {
  const phone = usePhone();
  const [to, setTo] = useState(recipient);
  const [message, setMessage] = useState('');
  const [showError, setShowError] = useState(recipient !== '');
  const [outcome, setOutcome] = useState<Outcome>();
  const reading = readNumber(to, defaultCountry, phone);
  const recipientInput = useRef<HTMLInputElement>(null);
  const messageInput = useRef<HTMLTextAreaElement>(null);
  // Opened for a number: the text is what is left to write; otherwise start with the recipient.
  useEffect(() => {
    (recipient ? messageInput.current : recipientInput.current)?.focus();
  }, [recipient]);
  const tooLong = smsSegments(message).tooLong;
  const sending = outcome?.kind === 'sending';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (reading.kind === 'error' || reading.kind === 'empty') {
      setShowError(true);
      return;
    }
    if (message.trim() === '' || tooLong) {
      setOutcome({ kind: 'error', text: t(tooLong ? 'smsTooLong' : 'smsEmpty', [String(SMS_MAX_LENGTH)]) });
      return;
    }
    const number = reading.kind === 'ok' ? reading.number.e164 : to.trim();
    setOutcome({ kind: 'sending' });
    const reply = await onSend(number, message, senderId);
    if (reply.ok) {
      setMessage('');
      setOutcome({ kind: 'sent', to: reading.kind === 'ok' ? reading.number.international : number });
    } else {
      setOutcome({ kind: 'error', text: t('smsFailed', [t(reply.reason, reply.details)]) });
    }
  };

  return (
    <form class="section" onSubmit={(e) => void submit(e)} aria-label={t('smsFormLabel')}>
      <div class="field">
        <label for="sms-to">{t('smsRecipient')}</label>
        <input
          ref={recipientInput}
          id="sms-to"
          type="tel"
          autoComplete="off"
          spellcheck={false}
          value={to}
          aria-describedby="sms-to-preview"
          aria-invalid={showError && (reading.kind === 'error' || reading.kind === 'empty')}
          onInput={(e) => {
            setTo(e.currentTarget.value);
            setShowError(false);
          }}
          onBlur={() => setShowError(to.trim() !== '')}
        />
        <NumberPreview id="sms-to-preview" reading={reading} showError={showError} verbKey="smsPreviewTo" />
      </div>
      {senders.length > 0 ? (
        <ChoiceSelect
          id="sms-sender"
          label={t('smsSender')}
          value={senderId}
          options={senders}
          placeholder={t('smsSenderDefault')}
          onChange={onSenderChange}
        />
      ) : null}
      <div class="field">
        <label for="sms-text">{t('smsMessage')}</label>
        <textarea
          ref={messageInput}
          id="sms-text"
          rows={4}
          value={message}
          aria-describedby="sms-counter"
          aria-invalid={tooLong}
          onInput={(e) => {
            setMessage(e.currentTarget.value);
            if (outcome?.kind !== 'sending') setOutcome(undefined);
          }}
        />
        <SmsCounter id="sms-counter" text={message} />
      </div>
      {outcome?.kind === 'sent' ? (
        <p class="notice ok" role="status">
          {t('smsSent', [outcome.to])}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p class="notice error" role="alert">
          {outcome.text}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={sending}>
          {sending ? t('smsSending') : t('smsSend')}
        </button>
      </div>
    </form>
  );
}
