import { render } from 'preact';
import { applyLanguage, rememberedLanguage } from '../../src/ui/language';
import { loadPhone } from '../../src/ui/phone';
import { Popup } from '../../src/ui/popup/Popup';
import '../../src/ui/styles.css';

// Number parsing loads alongside the first render, never in front of it.
void loadPhone();
const root = document.getElementById('app');
void applyLanguage(rememberedLanguage()).then(() => {
  if (root) render(<Popup />, root);
});
