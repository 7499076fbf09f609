import { t } from '../../i18n';

/** Marks a setting the administrator set through policy (managed storage). */
export function Locked({ id }: { readonly id?: string }) {
  return (
    <p class="locked" id={id} style={{ margin: 0 }}>
      {t('optionsLocked')}
    </p>
  );
}
