import { useWhereWhen } from '../where-when';

/**
 * One quiet line under a number: where it is and the time there ("Köln, Germany · 14:32 there"),
 * with "outside office hours" or "weekend there" in the warning colour. Nothing while unknown.
 */
export function NumberWhereWhen({ e164 }: { readonly e164: string }) {
  const words = useWhereWhen(e164);
  const line = [words?.where, words?.when].filter(Boolean).join(' · ');
  if (!words || (line === '' && words.quiet === '')) return null;
  return (
    <span class="where" title={[line, words.quiet].filter(Boolean).join(' · ')}>
      {line}
      {words.quiet ? <span class="quiet">{line ? ` · ${words.quiet}` : words.quiet}</span> : null}
    </span>
  );
}
