import { render } from 'preact';
import { t } from '../../src/i18n';
import { applyLanguage, rememberedLanguage } from '../../src/ui/language';
import { Options } from '../../src/ui/options/Options';
import '../../src/ui/styles.css';

const root = document.getElementById('app');
const hash = new URLSearchParams(location.hash.slice(1));
const account = hash.get('account') ?? undefined;
// `#welcome`: opened on install or by the card's "Set up Ringback".
const welcome = hash.has('welcome');
void applyLanguage(rememberedLanguage()).then(() => {
  document.title = t('optionsTitle');
  if (root) render(<Options welcome={welcome} {...(account ? { initialAccount: account } : {})} />, root);
});
