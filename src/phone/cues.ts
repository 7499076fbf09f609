/**
 * Words written just before a digit run that say what it is: "Tel.", "Mobil", "GSM", "Teléfono",
 * "☎" say phone number; "Bestellnummer", "Invoice", "IBAN", "Klantnummer", "Pedido" say id. The
 * nearest cue wins, so "Kundennummer 4711, Tel. 0221 …" reads as a phone number.
 *
 * Cues are lower-case; a trailing `*` lets letters follow (`telefon*` covers "Telefonnummer",
 * "telefonisch"), otherwise the cue is a whole word or phrase. A cue never starts inside a word,
 * except the compounds listed with a leading `*` ("Rückrufnummer", "terugbellen",
 * "Bestellhotline").
 */

const PHONE_CUES = [
  // de
  'tel',
  '*telefon*',
  'fon',
  'mobil*',
  'handy*',
  'natel*',
  '*rufnummer*',
  'durchwahl*',
  'dw',
  'zentrale*',
  '*hotline*',
  'fax*',
  'telefax*',
  'anruf*',
  'angerufen',
  '*rückruf*',
  'erreichbar*',
  'büro*',
  'kontakt*',
  'direkt*',
  'niederlassung*',
  'vorwahl*',
  // nl
  'telefoon*',
  '*lijn*',
  'mobiel*',
  'gsm*',
  'bel',
  'bellen',
  'belde',
  'belt',
  '*terugbel*',
  'doorkies*',
  'bereikbaar*',
  'kantoor*',
  'vast',
  'vaste',
  'netnummer*',
  // fr
  'tél',
  'téléphon*',
  'télécopie*',
  'telecopie*',
  'portable*',
  'port',
  'appel*',
  '*rappel*',
  'joignable*',
  'ligne directe',
  'standard*',
  'numéro vert',
  'bureau*',
  'agence*',
  'fixe',
  'indicatif*',
  // es
  'teléfono*',
  'telefono*',
  'tfno',
  'tfn',
  'tlf',
  'tlfn',
  'telf',
  'móvil*',
  'movil*',
  'celular*',
  'llam*',
  'llám*',
  'centralita*',
  'oficina*',
  'sede*',
  'delegación*',
  'prefijo*',
  // en
  'phone*',
  'telephone*',
  'ph',
  'mob',
  'cell*',
  'call',
  'called',
  'calling',
  'callback*',
  'calls',
  'ring*',
  'reach*',
  'contact*',
  'direct*',
  'office*',
  'switchboard*',
  'freephone*',
  'toll-free',
  'toll free',
  'helpline*',
  'main line',
  // a number's own parts: "(no area code) · Melbourne 03 9600 1234" is no id's code
  'area code*',
  'whatsapp*',
  'sms',
  'hq',
  // symbols
  '☎',
  '☏',
  '📞',
  '📱',
  '✆',
  '📠',
];

const ID_CUES = [
  // de
  're-nr*',
  'kundennummer*',
  'kundennr*',
  'kunden-nr*',
  'kunden-id*',
  'kd-nr*',
  'kd.-nr*',
  'kdnr*',
  'kto',
  'blz',
  'ust*',
  'steuernummer*',
  'steuernr*',
  'steuer-nr*',
  'steuer-id*',
  'st.-nr*',
  'stnr*',
  'hrb',
  'hra',
  'handelsregister*',
  'amtsgericht*',
  'artikel*',
  'art.-nr*',
  'aktenzeichen*',
  'referenz*',
  'datum*',
  'geburtsdatum*',
  'geb',
  'plz',
  'postleitzahl*',
  'postfach*',
  'menge*',
  'betrag*',
  'summe*',
  'preis*',
  'umsatz*',
  'personalnummer*',
  'versicherung*',
  'zähler*',
  'serien*',
  'charge',
  'lizenz*',
  'sv-nummer*',
  'firmenbuch*',
  'fn',
  'uid',
  'ahv*',
  'mwst*',
  'gutschrift*',
  'beleg*',
  'buchung*',
  'qr-referenz*',
  'zeitstempel*',
  'vorgangsnummer*',
  // nl
  'klantnummer*',
  'klantnr*',
  'klant-nr*',
  'klant-id*',
  'klantcode*',
  'btw*',
  'kvk*',
  'referentie*',
  '*kenmerk*',
  'mededeling*',
  'postcode*',
  'bedrag*',
  'totaal*',
  'prijs*',
  'onderneming*',
  'bsn',
  'rijksregister*',
  'rpr',
  'ogm',
  'kenteken*',
  'versie*',
  // fr
  'n° client',
  'numéro client',
  'code client',
  'tva*',
  'siren*',
  'siret*',
  'rcs',
  'rpm',
  'naf',
  'ape',
  'référence*',
  'réf',
  'montant*',
  'prix',
  'article*',
  'livraison*',
  "numéro d'entreprise",
  "n° d'entreprise",
  'bce',
  'sécurité sociale',
  'immatriculation*',
  'carte*',
  'capital*',
  'code postal',
  'quantité*',
  // es
  'cliente nº',
  'cliente n°',
  'cliente no',
  'nº cliente',
  'número de cliente',
  'nif',
  'cif',
  'nie',
  'dni',
  'referencia*',
  'fecha*',
  'código*',
  'cp',
  'importe*',
  'precio*',
  'artículo*',
  'matrícula*',
  'lote',
  'tarjeta*',
  'seguridad social',
  'cantidad*',
  'base imponible',
  'versión*',
  // en
  'account number*',
  'account no*',
  'account #',
  'acct*',
  'customer id',
  'customer no*',
  'customer number*',
  'ref',
  'reference*',
  'id',
  'iban',
  'bic',
  'swift',
  'vat*',
  'tax*',
  'ein',
  'ssn',
  'sku',
  'ean',
  'isbn',
  'gtin',
  'upc',
  'serial*',
  's/n',
  'sn',
  'po',
  'p.o.',
  'purchase order*',
  'zip',
  'postal code',
  'version*',
  'build',
  'release*',
  'date*',
  'dob',
  'birthday',
  'qty',
  'quantity',
  'amount*',
  'total*',
  'price*',
  'item*',
  'batch*',
  'employee*',
  'patient*',
  'licen*',
  'registration*',
  'registered*',
  'company number*',
  'company no*',
  'crn',
  'duns',
  'routing*',
  'sort code',
  'visa',
  'mastercard',
  'amex',
  'pesel',
  'nip',
  'regon',
  'cvr',
  'cpr',
  'org.nr*',
  'personnummer*',
  'bankgiro*',
  'partita iva',
  'p iva',
  'piva',
  'iva',
  'codice fiscale',
  'contribuinte',
  'nipc',
  'utr',
  'rsin',
  'tunnus',
  'ičo',
  'ico',
  'dič',
  // meeting ids, PINs and codes (video calls, conference lines)
  'meeting id',
  'meeting-id',
  'meeting number',
  'webinar id',
  'konferenz code',
  'konferenzcode*',
  'konferenz-code*',
  'kenncode*',
  'passcode*',
  'zugangscode*',
  'teilnehmercode*',
  'access code',
  'participant code',
  'conference code',
  'pin',
  'pincode*',
  'pin-code*',
  'code',
  'id de reunión',
  'id de la reunión',
  'código*',
  'vergaderings id',
  'vergader id',
  'toegangscode*',
  'id de réunion',
  'code secret',
  'code d accès',
  // software
  'version*',
  'versión*',
  'versie*',
  'build',
  'release*',
  'cap',
  'eircode',
  'cro',
  'national insurance',
  'timestamp*',
  'plate',
  'shipped',
];

/**
 * Topics rather than ids: "Rechnungsfragen: 0221 669669-30" is the billing department's line,
 * "Rechnung 0221-4711" and "Rechnungsnummer 0221 4711" are not. See `topicMeansId`.
 */
const TOPIC_CUES = [
  'bestell*',
  'auftrag*',
  'rechnung*',
  'ticket*',
  'vorgang*',
  'sendung*',
  'lieferschein*',
  'angebot*',
  'vertrag*',
  'police*',
  'polizze*',
  'mitglied*',
  'konto*',
  'bestel*',
  'order*',
  'factuur*',
  'dossier*',
  'polis*',
  'contract*',
  'zending*',
  'pakket*',
  'rekening*',
  'commande*',
  'cde',
  'facture*',
  'compte*',
  'contrat*',
  'colis',
  'pedido*',
  'factura*',
  'cuenta*',
  'expediente*',
  'contrato*',
  'póliza*',
  'albarán*',
  'invoice*',
  'inv',
  'case*',
  'policy*',
  'claim*',
  'member*',
  'opportunity*',
  'quote*',
  'parcel*',
  'tracking*',
  'fattura*',
  'seguimiento*',
];

/** How far before a run cues are looked for (never past other digits). */
const WINDOW = 40;

type CueKind = 'phone' | 'id' | 'topic';

interface CueTable {
  /** Whole words and phrases (words joined by one space, punctuation dropped: `kd.-nr` → `kd nr`). */
  readonly exact: Map<string, CueKind>;
  /** Stems that letters may follow, bucketed by their first three letters. */
  readonly prefixes: Map<string, { readonly stem: string; readonly kind: CueKind }[]>;
  /** Stems found anywhere in a word, for compounds. */
  readonly inside: { readonly stem: string; readonly kind: CueKind }[];
  /** First words of the phrases in `exact`, so most words cost no phrase lookup. */
  readonly phraseStarts: Set<string>;
}

const LETTER = /\p{L}/u;
const PHONE_SYMBOLS = new Set(['☎', '☏', '✆', '\u{1F4DE}', '\u{1F4F1}', '\u{1F4E0}']);

/**
 * Splits text into words (letters, and `°`/`º` after a letter: `n°`) and phone
 * symbols, calling `visit(word, start, end)` for each. By hand rather than with a Unicode regular
 * expression: it runs for nearly every candidate.
 */
function forEachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  const length = text.length;
  let position = 0;
  while (position < length) {
    const code = text.charCodeAt(position);
    if (!isLetterAt(text, position, code)) {
      const symbolLength = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      const symbol = text.slice(position, position + symbolLength);
      if (PHONE_SYMBOLS.has(symbol)) visit(symbol, position, position + symbolLength);
      position += symbolLength;
      continue;
    }
    const start = position;
    position++;
    while (position < length) {
      const next = text.charCodeAt(position);
      if (next !== 0xb0 && next !== 0xba && !isLetterAt(text, position, next)) break;
      position++;
    }
    visit(text.slice(start, position), start, position);
  }
}

function isLetterAt(text: string, position: number, code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return code >= 0xc0 && LETTER.test(text[position] ?? '');
}

function words(text: string): string[] {
  const found: string[] = [];
  forEachWord(text, (word) => found.push(word));
  return found;
}

/**
 * Cue lookup is a few map reads per word of the window rather than one large regular expression:
 * the detector asks for the cue of every candidate, and an alternation of 300 words tried at every
 * position cost more than parsing the numbers.
 */
function buildCueTable(): CueTable {
  const table: CueTable = { exact: new Map(), prefixes: new Map(), inside: [], phraseStarts: new Set() };
  const add = (cues: readonly string[], kind: CueKind) => {
    for (const cue of cues) {
      const inside = cue.startsWith('*');
      const prefix = cue.endsWith('*');
      const phrase = words(cue.replace(/\*/g, '')).join(' ');
      if (inside) table.inside.push({ stem: phrase, kind });
      else if (prefix && !phrase.includes(' ')) {
        const bucket = table.prefixes.get(phrase.slice(0, 3)) ?? [];
        bucket.push({ stem: phrase, kind });
        table.prefixes.set(phrase.slice(0, 3), bucket);
      } else {
        table.exact.set(phrase, kind);
        if (phrase.includes(' ')) table.phraseStarts.add(phrase.slice(0, phrase.indexOf(' ')));
      }
    }
  };
  add(PHONE_CUES, 'phone');
  add(ID_CUES, 'id');
  add(TOPIC_CUES, 'topic');
  for (const bucket of table.prefixes.values()) bucket.sort((a, b) => b.stem.length - a.stem.length);
  return table;
}

/**
 * Built on the first lookup, not when the module loads: the content engine loads in every frame
 * that may hold a number, and a frame whose digits turn out to be no candidate never needs it.
 */
let cueTable: CueTable | undefined;

function cues(): CueTable {
  cueTable ??= buildCueTable();
  return cueTable;
}

/**
 * A word's cue: the word itself, then phone words inside compounds ("Bestellhotline",
 * "Auftragstelefon", "bestellijn" are phone lines even though they start with a topic), then
 * prefixes, then the other compounds.
 */
function kindOfWord(word: string): CueKind | undefined {
  const exact = cues().exact.get(word);
  if (exact) return exact;
  for (const entry of cues().inside) if (entry.kind === 'phone' && word.includes(entry.stem)) return 'phone';
  for (const entry of cues().prefixes.get(word.slice(0, 3)) ?? []) {
    if (word.startsWith(entry.stem)) return entry.kind;
  }
  for (const entry of cues().inside) if (word.includes(entry.stem)) return entry.kind;
  return undefined;
}

/** What a single word says on its own (`Telefon` → phone, `Kundennummer` → id), for words glued to digits. */
export function cueOfWord(word: string): 'phone' | 'id' | 'topic' | undefined {
  return kindOfWord(word.toLowerCase());
}

/** Signature-style one-letter labels right before the number: `T +49 …`, `M: 0171 …`, `F. 030 …`. */
const LETTER_LABELS = new Set(['t', 'm', 'f', 'p', 'd', 'o']);
const AFTER_LETTER_LABEL = /^[.:]?[\s\u00a0]*\(?$/u;
/** Between an id cue and the number: a new line or a new sentence ends the cue's reach. */
const BREAK = /\n|[.!?][\s\u00a0]+\p{Lu}/u;
/** "-nummer", "Nr.", "No.", "#", "n°" right after a topic, or "n° de", "número de" before it. */
const NUMBER_WORD_SUFFIX = /(?:nummer|nr|number|no|id|code)$/u;
const NUMBER_WORD_AFTER = /^[\s\u00a0]*[-.]?[\s\u00a0]*(?:nummer|nr|no|number|num|n°|nº|#|id|code)(?![\p{L}])/iu;
const NUMBER_WORD_BEFORE =
  /(?:n°|nº|no\.?|nr\.?|num\.?|numéro|número|number|nummer)[\s\u00a0]+(?:(?:de|du|of|der|des)[\s\u00a0]+)?$/iu;
const ONLY_SPACE = /^[\s\u00a0]*$/u;

export type Cue = 'phone' | 'id';

export interface CueOptions {
  /** The digits are one unbroken block (`912345678`): how ids are written, rarely phone numbers. */
  readonly unbroken: boolean;
}

/** The cue nearest before `start`, looking back at most `WINDOW` characters and never past a digit. */
export function cueBefore(text: string, start: number, options: CueOptions): Cue | undefined {
  let from = Math.max(0, start - WINDOW);
  for (let i = start - 1; i >= from; i--) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      from = i + 1;
      break;
    }
  }
  const window = text.slice(from, start);
  let nearest: { kind: CueKind; start: number; end: number } | undefined;
  let letterLabel = false;
  // The two words before the current one, for phrases ("ligne directe", "n° de commande").
  let before1: { word: string; start: number } | undefined;
  let before2: { word: string; start: number } | undefined;
  forEachWord(window, (written, wordStart, wordEnd) => {
    const word = written.toLowerCase();
    const found = phraseEndingAt(word, wordStart, before1, before2);
    if (found) nearest = { kind: found.kind, start: found.start, end: wordEnd };
    letterLabel = LETTER_LABELS.has(word) && AFTER_LETTER_LABEL.test(window.slice(wordEnd));
    before2 = before1;
    before1 = { word, start: wordStart };
  });
  if (letterLabel) return 'phone';
  if (!nearest) return undefined;
  const between = window.slice(nearest.end);
  switch (nearest.kind) {
    case 'phone':
      return 'phone';
    case 'id':
      return BREAK.test(between) ? undefined : 'id';
    case 'topic':
      return topicMeansId(
        window.slice(nearest.start, nearest.end).toLowerCase(),
        window.slice(0, nearest.start),
        between,
        options,
      )
        ? 'id'
        : undefined;
  }
}

/** The longest cue ending with `word`: three words, two, then the word alone. */
function phraseEndingAt(
  word: string,
  wordStart: number,
  before1: { word: string; start: number } | undefined,
  before2: { word: string; start: number } | undefined,
): { kind: CueKind; start: number } | undefined {
  if (before2 && cues().phraseStarts.has(before2.word)) {
    const kind = cues().exact.get(`${before2.word} ${before1?.word} ${word}`);
    if (kind) return { kind, start: before2.start };
  }
  if (before1 && cues().phraseStarts.has(before1.word)) {
    const kind = cues().exact.get(`${before1.word} ${word}`);
    if (kind) return { kind, start: before1.start };
  }
  const kind = kindOfWord(word);
  return kind ? { kind, start: wordStart } : undefined;
}

/**
 * A topic names an id when a number word goes with it ("Bestellnummer", "Order no.", "n° de
 * commande"), when the digits follow it directly ("Auftrag 0171 1234567"), or when they are one
 * unbroken block ("Pedido: 912345678"). A phone line for the topic is written as a label and a
 * grouped number ("Pedidos: 912 345 678").
 */
function topicMeansId(topic: string, before: string, between: string, options: CueOptions): boolean {
  if (NUMBER_WORD_SUFFIX.test(topic) || NUMBER_WORD_AFTER.test(between) || NUMBER_WORD_BEFORE.test(before)) return true;
  return ONLY_SPACE.test(between) || options.unbroken;
}
