import { render } from 'preact';
import { t } from '../../src/i18n';
import { applyLanguage, rememberedLanguage } from '../../src/ui/language';
import { Options } from '../../src/ui/options/Options';
import '../../src/ui/styles.css';

const root = document.getElementById('app');
const account = new URLSearchParams(location.hash.slice(1)).get('account') ?? undefined;
void applyLanguage(rememberedLanguage()).then(() => {
  document.title = t('optionsTitle');
  if (root) render(<Options {...(account ? { initialAccount: account } : {})} />, root);
});
