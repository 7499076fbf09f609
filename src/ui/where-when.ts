/**
 * Where a number is and the time there, for the popup's rows and dial box. The geo code arrives in
 * its own chunk on first need and fetches each calling code's data once; until then nothing shows.
 */
import { useEffect, useState } from 'preact/hooks';
import type { WhereWhenText } from '../geo';
import { uiLanguage } from '../i18n';

let geo: Promise<typeof import('../geo')> | undefined;

async function describe(e164: string): Promise<WhereWhenText | undefined> {
  geo ??= import('../geo');
  const { whereWhen, whereWhenText } = await geo;
  const language = uiLanguage();
  const facts = await whereWhen(e164, { language, now: Date.now() });
  return facts ? whereWhenText(facts, language) : undefined;
}

/** The words for `e164` once known (undefined before, and for what is no number). */
export function useWhereWhen(e164: string | undefined): WhereWhenText | undefined {
  const [words, setWords] = useState<{ readonly e164: string; readonly text: WhereWhenText }>();
  useEffect(() => {
    if (!e164) return;
    let live = true;
    void describe(e164).then((text) => {
      if (live && text) setWords({ e164, text });
    });
    return () => {
      live = false;
    };
  }, [e164]);
  return words && words.e164 === e164 ? words.text : undefined;
}
