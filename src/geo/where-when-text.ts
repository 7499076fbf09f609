/**
 * Where-and-when facts in words, in the UI language: "Köln, Germany", "Mobile, Spain", "14:32
 * there", "outside office hours". The background sends these to the card and the omnibox; the popup
 * makes them itself.
 */
import { t } from '../i18n';
import type { WhereWhenFacts } from './where-when';

export interface WhereWhenText {
  /** "Köln, Germany", "Mobile, Spain", "Germany"; '' when even the country is unknown. */
  readonly where: string;
  /** "14:32 there"; '' when the local time is not certain. */
  readonly when: string;
  /** A quiet warning ("outside office hours", "weekend there"), or ''. */
  readonly quiet: string;
}

const QUIET_KEYS = { night: 'whenOutsideHours', weekend: 'whenWeekend' } as const;

export function whereWhenText(facts: WhereWhenFacts, language: string): WhereWhenText {
  const country = facts.country ? countryName(facts.country, language) : '';
  let where = country;
  if (facts.region && facts.region !== country && facts.region !== countryName(facts.country, 'en')) {
    where = country ? t('whereRegion', [facts.region, country]) : facts.region;
  } else if (facts.mobile && country) {
    where = t('whereMobile', [country]);
  }
  return {
    where,
    when: facts.time ? t('whenThere', [facts.time]) : '',
    quiet: facts.quiet ? t(QUIET_KEYS[facts.quiet]) : '',
  };
}

/** All of it on one line, as the card and the omnibox show it. */
export function whereWhenLine(text: WhereWhenText): string {
  return [text.where, text.when, text.quiet].filter(Boolean).join(' · ');
}

function countryName(country: string | undefined, language: string): string {
  if (!country) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}
