import { t } from '../../i18n';
import { SMS_MAX_LENGTH, smsSegments } from '../../sms';

interface Props {
  readonly id: string;
  readonly text: string;
}

/**
 * Characters against the 460-character limit and how many SMS the text becomes: 160 per SMS in
 * GSM-7 (153 when split), 70 (67) once one character needs Unicode. Counting is src/sms.ts's, the
 * same the background checks with.
 */
export function SmsCounter({ id, text }: Props) {
  const count = smsSegments(text);
  const over = count.tooLong;
  return (
    <div id={id} class={over ? 'counter over' : 'counter'}>
      <span>{t('smsCharacters', [String(count.length), String(SMS_MAX_LENGTH)])}</span>
      <span>
        {t(count.segments === 1 ? 'smsSegmentsOne' : 'smsSegmentsMany', [String(count.segments)])} ·{' '}
        {t(count.encoding === 'gsm7' ? 'smsEncodingGsm' : 'smsEncodingUnicode', [String(count.perSegment)])}
      </span>
      {over ? (
        <span class="visually-hidden" role="alert">
          {t('smsTooLong', [String(SMS_MAX_LENGTH)])}
        </span>
      ) : null}
    </div>
  );
}
