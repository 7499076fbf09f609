import { defineContentScript } from 'wxt/utils/define-content-script';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main() {},
});
