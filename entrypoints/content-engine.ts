import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { offerContentEngine } from '../src/content';

/** The content engine, imported by the first stage where a page needs it (web-accessible). */
export default defineUnlistedScript({ globalName: false, main: () => offerContentEngine() });
