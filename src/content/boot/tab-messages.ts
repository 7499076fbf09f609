/** What the background sends a tab's frames, checked for shape before anything acts on it. */
import { isRecord } from '../../guards';
import type { TabMessage } from '../../messages';
import { parsePageConfig } from '../../page-rules';

export function parseTabMessage(value: unknown): TabMessage | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'config-changed': {
      const config = parsePageConfig(value.config);
      return config ? { type: 'config-changed', config } : undefined;
    }
    case 'selection-action':
      return value.action === 'call' || value.action === 'sms'
        ? { type: 'selection-action', action: value.action }
        : undefined;
    case 'list-numbers':
    case 'list-frame-numbers':
      return { type: value.type };
    default:
      return undefined;
  }
}
