import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../src/content';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main: () => startContent(),
});
