import { defineConfig } from 'wxt';
import { PROVIDER_HOST_PERMISSIONS } from './src/providers/hosts';

/**
 * Two flavours of the same extension:
 * - production (`wxt build`): talks only to the providers' documented hosts; any other base URL
 *   (reseller, proxy) is an optional host permission requested at runtime from the options page.
 * - simulator (`wxt build --mode sim`): additionally allowed to reach the PBX simulator on
 *   127.0.0.1, for the demo and the end-to-end tests. Never shipped.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // RINGBACK_OUT_DIR lets parallel work (and CI) build into separate folders.
  outDir: process.env.RINGBACK_OUT_DIR ?? '.output',
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifestVersion: 3,
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { target: 'es2022' },
  }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'notifications', 'activeTab'],
    host_permissions: [
      ...PROVIDER_HOST_PERMISSIONS,
      ...(mode === 'sim' ? ['http://127.0.0.1/*', 'http://localhost/*'] : []),
    ],
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'call-selection': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_commandCallSelection__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ringback@ringback.app',
              strict_min_version: '140.0',
              // What leaves the browser, and only to the user's own PBX provider: its login, the
              // numbers the user calls, and the SMS the user sends.
              data_collection_permissions: {
                required: ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications'],
              },
            },
            // Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
