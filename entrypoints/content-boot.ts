import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstStage } from '../src/content/boot/first-stage';

/**
 * The content script every frame runs (declared in wxt.config.ts, with content-scripts/content.css).
 * An unlisted script rather than a WXT content script: those bundle the browser polyfill and a
 * context helper, more than the whole first stage.
 */
export default defineUnlistedScript({ globalName: false, main: () => startFirstStage() });
