import { describe, expect, it } from 'vitest';
import { type CountryCode, findPhoneNumbers } from '../../../src/phone';

function found(text: string, defaultCountry: CountryCode = 'DE'): string[] {
  return findPhoneNumbers(text, { defaultCountry }).map((match) => match.e164);
}

describe('findPhoneNumbers: what a user sees marked', () => {
  it('reports offsets of the number as written, with E.164, formats, country and type', () => {
    const text = 'Rückruf bitte unter 0221 669669-66, danke.';
    const [match] = findPhoneNumbers(text, { defaultCountry: 'DE' });
    expect(match).toMatchObject({
      e164: '+4922166966966',
      national: '0221 66966966',
      international: '+49 221 66966966',
      country: 'DE',
      type: 'fixed-line',
    });
    expect(text.slice(match?.start, match?.end)).toBe('0221 669669-66');
  });

  it.each([
    ['0221 66966966', 'DE', '+4922166966966'],
    ['030/2 34 56 78', 'DE', '+49302345678'],
    ['02/555.12.34', 'BE', '+3225551234'],
    ['0470/12.34.56', 'BE', '+32470123456'],
    ['+49 (0)30 1234567', 'DE', '+49301234567'],
    ['(0161) 496 0000', 'GB', '+441614960000'],
    ['0049 30 1234567', 'FR', '+49301234567'],
    ['0034 912 345 678', 'DE', '+34912345678'],
    ['06.12.34.56.78', 'FR', '+33612345678'],
    ['912 34 56 78', 'ES', '+34912345678'],
    ['(212) 555-0100', 'US', '+12125550100'],
    ['011 49 89 1234567', 'US', '+49891234567'],
    ['+31 (0)20 123 4567', 'NL', '+31201234567'],
  ] as const)('reads %s on a %s page', (text, country, e164) => {
    const [match] = findPhoneNumbers(text, { defaultCountry: country });
    expect(match?.e164).toBe(e164);
    expect(match?.start).toBe(0);
    expect(match?.end).toBe(text.length);
  });

  it('classifies number types users are warned about', () => {
    expect(findPhoneNumbers('0900 1 234567', { defaultCountry: 'DE' })[0]?.type).toBe('premium-rate');
    expect(findPhoneNumbers('0800 1234567', { defaultCountry: 'DE' })[0]?.type).toBe('toll-free');
    expect(findPhoneNumbers('0171 1234567', { defaultCountry: 'DE' })[0]?.type).toBe('mobile');
  });

  it('finds foreign numbers written with + or 00 on a page of another country', () => {
    expect(found('Büro Paris: +33 1 23 45 67 89, Büro Madrid: 0034 912 345 678')).toEqual([
      '+33123456789',
      '+34912345678',
    ]);
  });

  it('includes a leading + and a closing parenthesis pair in the marked text', () => {
    const text = 'Tel. (+49) 221 66966966';
    const [match] = findPhoneNumbers(text, { defaultCountry: 'DE' });
    expect(text.slice(match?.start, match?.end)).toBe('(+49) 221 66966966');
  });

  it('splits two numbers written in one run, and a date from a number', () => {
    expect(found('Tel.: 0221 12345-0 / 0171 2345678')).toEqual(['+49221123450', '+491712345678']);
    expect(found('01.05.2024 0221 66966966')).toEqual(['+4922166966966']);
  });

  it('reads a number whose tail runs into a price', () => {
    expect(found('Hotline 0900 1 234567 (1,99 €/Min.)')).toEqual(['+499001234567']);
  });
});

describe('findPhoneNumbers: what must not become a call button', () => {
  it.each([
    ['dates', '2024-05-01 · 01.05.2024 · 1.5.2024 · 01/05/2024 · 12/31/2024'],
    ['times', '12.03.2024 14:30:15, Sprechzeiten 08.00-12.00'],
    ['amounts', "Gesamt 1.234.567,89 € · EUR 2.500.000 · $1,234,567.89 · CHF 12'345.60"],
    ['IBANs', 'IBAN DE89 3704 0044 0532 0130 00 · NL91 ABNA 0417 1643 00'],
    ['VAT and company ids', 'USt-IdNr. DE123456789 · BTW BE 0403.170.701 · CHE-123.456.789'],
    ['postal codes', '50667 Köln · D-80331 München · Postfach 10 12 34'],
    ['EAN and ISBN', 'EAN 4006381333931 · ISBN 978-3-16-148410-0'],
    ['card numbers', 'Visa 4111 1111 1111 1111'],
    ['versions and IPs', 'Version 2.14.3 (Build 20240501) · 192.168.178.1'],
    ['UUIDs', '550e8400-e29b-41d4-a716-446655440000 · 12345678-1234-1234-1234-123456789012'],
    ['Unix timestamps', 'created 1714557600 (1714557600000 ms)'],
    ['digit runs glued to letters', 'INV-02211234567 · 02211234567ABC · Nr.0221123456 · #0221669669'],
  ])('%s', (_kind, text) => {
    expect(found(text)).toEqual([]);
  });

  it('needs the trunk prefix for national numbers where it is always written', () => {
    expect(found('Tel. 221 66966966')).toEqual([]);
    expect(found('Tél. 1 23 45 67 89', 'FR')).toEqual([]);
    expect(found('Tel. 20 7946 0018', 'GB')).toEqual([]);
    // Spain has no trunk prefix: nine digits are the number.
    expect(found('Tel. 912 345 678', 'ES')).toEqual(['+34912345678']);
  });

  it('reads the ranges the metadata formats without the trunk prefix, and only those', () => {
    expect(found('Call 1300 655 506 or 13 22 21', 'AU')).toEqual(['+611300655506', '+61132221']);
    expect(found('Freephone 1800 200 345', 'IE')).toEqual(['+3531800200345']);
    expect(found('שירות לקוחות 1-800-500-500', 'IL')).toEqual(['+9721800500500']);
    expect(found('고객센터 1588-1234', 'KR')).toEqual(['+8215881234']);
    // Dublin's format writes `(01)`: without it the digits are no number people dial.
    expect(found('Room 1 234 5678', 'IE')).toEqual([]);
    // Germany's formats all write the `0`.
    expect(found('Auftrag 1300 655 506, Lieferschein 1800 020 080')).toEqual([]);
  });

  it('reads a national prefix only where the reading country explains it', () => {
    expect(found('Tel 1 (415) 666-7777', 'US')).toEqual(['+14156667777']);
    expect(found('Tel 8 (495) 123-45-67', 'RU')).toEqual(['+74951234567']);
    // Mexico's withdrawn `01` and `044`, read in Mexico only.
    expect(found('Tel 01 (449) 978-0001, cel. 044 55 1234 5678', 'MX')).toEqual(['+524499780001', '+525512345678']);
    // A Russian `8 (800)` on a US page is not the US toll-free number after it: nothing is marked.
    expect(found('Звоните 8 (800) 555-35-35', 'US')).toEqual([]);
    expect(found('Tel 01 (449) 978-0001', 'US')).toEqual([]);
  });

  it('trusts id cues before a number, in each UI language', () => {
    expect(found('Bestellnummer 0221 669669 66')).toEqual([]);
    expect(found('Klantnummer 0612345678', 'NL')).toEqual([]);
    expect(found('Commande n° 06 12 34 56 78', 'FR')).toEqual([]);
    expect(found('Pedido 912345678', 'ES')).toEqual([]);
    expect(found('Invoice 4155550123, due 04/14/2024', 'US')).toEqual([]);
  });

  it('lets the nearest cue win, and reads a department label as a phone line', () => {
    expect(found('Kundennummer 4711, Tel. 0221 669669-0')).toEqual(['+492216696690']);
    expect(found('Rechnungsfragen: 0221 669669-30')).toEqual(['+4922166966930']);
    expect(found('Pedidos: 912 345 678', 'ES')).toEqual(['+34912345678']);
    expect(found('Pedido: 912345678', 'ES')).toEqual([]);
  });

  it('lets a phone cue rescue a number shaped like a timestamp or product code', () => {
    // A valid German number whose 13 digits also carry a correct EAN check digit.
    expect(found('0221669669661')).toEqual([]);
    expect(found('Tel. 0221669669661')).toEqual(['+49221669669661']);
  });
});

describe('findPhoneNumbers: matches travel as plain data', () => {
  it('keeps every field through spreading, JSON and structured cloning', () => {
    const [match] = findPhoneNumbers('0171 1234567', { defaultCountry: 'DE' });
    const expected = {
      start: 0,
      end: 12,
      e164: '+491711234567',
      country: 'DE',
      type: 'mobile',
      national: '0171 1234567',
      international: '+49 171 1234567',
    };
    expect({ ...match }).toEqual(expected);
    expect(JSON.parse(JSON.stringify(match))).toEqual(expected);
    expect(structuredClone(match)).toEqual(expected);
  });
});

describe('findPhoneNumbers: the contract with the content script', () => {
  it('keeps an extension apart: the range and the E.164 are the main number', () => {
    const text = 'Office: 212-736-5000 ext. 45, thanks';
    const [match] = findPhoneNumbers(text, { defaultCountry: 'US' });
    expect(match?.e164).toBe('+12127365000');
    expect(match?.extension).toBe('45');
    expect(text.slice(match?.start, match?.end)).toBe('212-736-5000');
  });

  it('dials digits joined by the number’s own separators: no extension there', () => {
    const [match] = findPhoneNumbers('Vertrieb 0221 669669-23', { defaultCountry: 'DE' });
    expect(match?.e164).toBe('+4922166966923');
    expect(match?.extension).toBeUndefined();
    expect(Object.keys(match ?? {})).not.toContain('extension');
  });

  it('dials a German direct-dial extension where the plan reads it as one number', () => {
    const text = 'Fax: +43 (1) 545 82 30 DW 13.';
    const [match] = findPhoneNumbers(text, { defaultCountry: 'DE' });
    expect(match?.e164).toBe('+431545823013');
    expect(match?.extension).toBeUndefined();
    expect(text.slice(match?.start, match?.end)).toBe('+43 (1) 545 82 30 DW 13');
    // Swiss numbers have a fixed length: the Durchwahl stays an extension to ask for.
    const [swiss] = findPhoneNumbers('Empfang 044 668 18 00 Durchwahl 25', { defaultCountry: 'CH' });
    expect(swiss?.e164).toBe('+41446681800');
    expect(swiss?.extension).toBe('25');
  });

  it('reads a national number in the first country hint that validates it, and says which', () => {
    const read = (defaultCountry: CountryCode, countryHints: readonly CountryCode[]) =>
      findPhoneNumbers('Handy 0664 1234567', { defaultCountry, countryHints }).map((m) => `${m.e164} ${m.country}`);
    // Valid in both Austria and Germany: the nearest evidence decides.
    expect(read('DE', ['AT'])).toEqual(['+436641234567 AT']);
    expect(read('AT', ['DE'])).toEqual(['+496641234567 DE']);
    expect(read('DE', [])).toEqual(['+496641234567 DE']);
    // A hint that cannot read it leaves it to the next one, then to the default country.
    expect(read('DE', ['US', 'AT'])).toEqual(['+436641234567 AT']);
    expect(read('AT', ['US'])).toEqual(['+436641234567 AT']);
  });

  it('reads space-separated groups of right-to-left text as displayed, and leaves + numbers unmarked there', () => {
    const text = 'للاستفسار: 222 238 71';
    const [match] = findPhoneNumbers(text, { defaultCountry: 'LB', direction: 'rtl' });
    expect(match?.e164).toBe('+96171238222');
    expect(text.slice(match?.start, match?.end)).toBe('222 238 71');
    expect(found('222 238 71', 'LB')).toEqual([]);
    expect(findPhoneNumbers('هاتف +961 71 238 222', { defaultCountry: 'LB', direction: 'rtl' })).toEqual([]);
    expect(findPhoneNumbers('טלפון: 03-123-4567', { defaultCountry: 'IL', direction: 'rtl' })[0]?.e164).toBe(
      '+97231234567',
    );
  });

  it('follows the bidirectional algorithm: Arabic numbers, Latin labels, marks inside', () => {
    const read = (text: string) =>
      findPhoneNumbers(text, { defaultCountry: 'IL', direction: 'rtl' }).map((m) => m.e164);
    // After Arabic a hyphen does not join the groups (shown `04-850-0321`); a slash does.
    expect(read('الفاكس 0321-850-04 فقط')).toEqual(['+97248500321']);
    expect(read('هاتف المكتب 02/6230482')).toEqual(['+97226230482']);
    // After a Latin letter the digits take its direction: shown as written.
    expect(read('Tel: 03 612 0457 (משרד)')).toEqual(['+97236120457']);
    expect(read('Phone +972 3 612 0456')).toEqual(['+97236120456']);
    // A direction mark inside the run: its display is not this reader's to guess.
    expect(read('טלפון 03 612\u200e 0456')).toEqual([]);
  });

  it('reads full-width and Arabic-Indic digits and invisible characters, with offsets into the text as given', () => {
    const fullWidth = 'Tel：＋８１　３－３２２４－９９９９。';
    const [wide] = findPhoneNumbers(fullWidth, { defaultCountry: 'JP' });
    expect(wide?.e164).toBe('+81332249999');
    expect(fullWidth.slice(wide?.start, wide?.end)).toBe('＋８１　３－３２２４－９９９９');
    const arabic = 'Call +٩٧١٤٣٦٦٦٦٦٦ today';
    expect(findPhoneNumbers(arabic, { defaultCountry: 'US' })[0]?.e164).toBe('+97143666666');
    const zeroWidth = 'Tel. +49 69 630\u200b2-309';
    const [joined] = findPhoneNumbers(zeroWidth, { defaultCountry: 'DE' });
    expect(joined?.e164).toBe('+49696302309');
    expect(joined?.end).toBe(zeroWidth.length);
  });

  it('never marks a shorter number where the written digits go on', () => {
    expect(found('Tel +39 0474 492 390F. 0474 492 391', 'IT')).toEqual(['+390474492390', '+390474492391']);
    expect(found('+49 69 630 2-309X')).toEqual([]);
    expect(found('01806 123456 (20 ct/Anruf)')).toEqual(['+491806123456']);
    expect(found('+39 (0)2 1234 5678', 'DE')).toEqual(['+390212345678']);
  });
});
