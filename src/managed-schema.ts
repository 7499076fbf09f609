/**
 * The managed-storage schema (Chrome's `storage.managed_schema`) built from src/settings.ts, so the
 * keys, enums and defaults an administrator can set never drift from what Ringback understands.
 * `public/managed-schema.json` is this, written out; test/unit/ui/managed-schema.test.ts fails when
 * the two differ (and `UPDATE_MANAGED_SCHEMA=1` rewrites the file).
 *
 * The policy uses the settings' own top-level keys and shapes; every key an administrator sets is
 * shown locked in the options ("set by your administrator"). Credentials are not settings and can
 * not be set by policy: each user enters their own.
 */
import { PROVIDER_IDS } from './providers/types';
import {
  type AccountSettings,
  CALL_CONFIRMATIONS,
  CALL_LIST_PAUSE_MAX_SECONDS,
  DEFAULT_SETTINGS,
  DETECTION_MODES,
  LOCALES,
  SETTINGS_KEYS,
  type SettingsKey,
} from './settings';

/** The subset of JSON Schema that Chrome's policy schemas support and this schema uses. */
export interface SchemaNode {
  readonly type: 'object' | 'array' | 'string' | 'boolean' | 'integer';
  readonly title?: string;
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
}

const text = (title: string, description: string, extra: Partial<SchemaNode> = {}): SchemaNode => ({
  type: 'string',
  title,
  description,
  ...extra,
});

/** A scalar setting: its type comes from the default value, which the description names. */
function scalar(key: SettingsKey, title: string, description: string, extra: Partial<SchemaNode> = {}): SchemaNode {
  const value = DEFAULT_SETTINGS[key];
  const type = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'integer' : 'string';
  const shown = value === '' ? '(empty)' : String(value);
  return { type, title, description: `${description} Default: ${shown}.`, ...extra };
}

const ACCOUNT_PROPERTIES: Readonly<Record<keyof AccountSettings, SchemaNode>> = {
  id: text('Account id', "A stable id of your choosing; each user's login is stored under it.", { pattern: '^.+$' }),
  provider: text('Provider', 'The cloud PBX this account belongs to.', { enum: PROVIDER_IDS }),
  label: text('Name', 'The name users see for this account.'),
  baseUrl: text('API base URL', "Empty: the provider's own API. Set it for a reseller or a proxy.", {
    pattern: '^(https?://.+)?$',
  }),
  deviceId: text('Device', 'The device that rings first. Empty: each user picks their own.'),
  callerId: text('Caller id', 'The caller id shown to the callee. Empty: each user picks (or the provider default).'),
  smsSenderId: text('SMS sender', 'The SMS extension that sends (sipgate). Empty: each user picks.'),
};

const PROPERTIES: Readonly<Record<SettingsKey, SchemaNode>> = {
  accounts: {
    type: 'array',
    title: 'Accounts',
    description:
      "The phone system accounts, replacing the user's own list. Users enter only their login; device, caller id and SMS sender left empty stay each user's choice.",
    items: {
      type: 'object',
      properties: ACCOUNT_PROPERTIES,
      required: ['id', 'provider'],
    },
  },
  activeAccountId: scalar('activeAccountId', 'Active account', 'The id of the account calls go through.'),
  defaultCountry: scalar(
    'defaultCountry',
    'Default country',
    "ISO 3166 alpha-2 code for numbers written without a country code. Empty: from the provider's market or the browser's language.",
    { pattern: '^([A-Z]{2})?$' },
  ),
  detection: {
    type: 'object',
    title: 'Where numbers are marked',
    description: `Mode ${DETECTION_MODES.join(' | ')} and the list of host names it refers to (subdomains included). Default: ${DEFAULT_SETTINGS.detection.mode}, no sites.`,
    properties: {
      mode: text('Mode', 'Everywhere, only on the listed sites, or everywhere except them.', { enum: DETECTION_MODES }),
      sites: {
        type: 'array',
        title: 'Sites',
        description: 'Host names such as crm.example.com.',
        items: { type: 'string' },
      },
    },
  },
  telLinks: scalar('telLinks', 'Handle tel: links', 'Route tel:, callto: and sip: links to Ringback.'),
  confirmCalls: scalar('confirmCalls', 'Confirm calls', 'Which calls ask for confirmation first.', {
    enum: CALL_CONFIRMATIONS,
  }),
  language: scalar('language', 'Language', "Ringback's language. Empty: the browser's.", { enum: ['', ...LOCALES] }),
  notifications: scalar('notifications', 'Notifications', 'Show a notification when a call is placed or fails.'),
  callListPauseSeconds: scalar(
    'callListPauseSeconds',
    'Pause between list calls',
    'Call lists with sipgate or Fonema: seconds from the end of one call to the next (0 to 300).',
    { minimum: 0, maximum: CALL_LIST_PAUSE_MAX_SECONDS },
  ),
};

export function buildManagedSchema(): SchemaNode {
  return {
    type: 'object',
    properties: Object.fromEntries(SETTINGS_KEYS.map((key) => [key, PROPERTIES[key]])),
  };
}
