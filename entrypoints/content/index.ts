import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../src/content';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin frames (and about:blank / srcdoc frames a CRM writes into) get their own scanner.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main: () => startContent(),
});
