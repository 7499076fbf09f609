/**
 * The fixture pages both page-load benches (Chromium: page-load.ts, Firefox: page-load-firefox.ts)
 * load, written into a directory a static server serves: a text page without a digit and a small
 * CRM page, each with FRAMES same-origin iframes, and the CRM page alone.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Iframes in each *-frames.html page: with the top frame, FRAMES + 1 frames per load. */
export const FRAMES = 10;

/** The pages both browsers' sections load, each with the label its figures are printed under. */
export const MEASURED_PAGES = [
  ['text-frames.html', 'no numbers + 10 iframes'],
  ['crm-frames.html', 'small CRM + 10 CRM iframes'],
] as const;

const WORDS =
  'the quiet harbour town keeps its old lighthouse where ships once waited for the tide and the keeper wrote letters about weather birds and the long winter evenings by the fire'.split(
    ' ',
  );

/** Prose without a digit in it: what most pages a user opens in a day look like to Ringback. */
function prose(paragraphs: number, seed: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const words: string[] = [];
    for (let w = 0; w < 60; w++) words.push(WORDS[(seed + p * 7 + w * 13) % WORDS.length] ?? 'the');
    out.push(`<p>${words.join(' ')}.</p>`);
  }
  return out.join('\n');
}

function textPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px Georgia,serif;max-width:40rem;margin:2rem auto}iframe{width:100%;height:120px;border:1px solid #ccc}</style>
</head><body><nav><a href="#a">Home</a> · <a href="#b">Stories</a> · <a href="#c">About</a></nav>
<h1>${title}</h1>${body}</body></html>`;
}

const CONTACTS = [
  ['Anna Müller', 'Müller Maschinenbau GmbH', '0221 66966966'],
  ['Jan de Vries', 'Weber Logistik AG', '+31 20 123 4567'],
  ['Petra Weber', 'Koch & Partner', '030 2345678-00'],
  ['Lukas Schmidt', 'Rhein Software KG', '+49 89 12345678'],
  ['Sofia García', 'Costa Import SL', '+34 912 345 678'],
  ['Émile Dubois', 'Dubois SARL', '+33 1 42 68 53 00'],
];

function crmTable(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => {
    const [name, company, phone] = CONTACTS[i % CONTACTS.length] ?? CONTACTS[0] ?? [];
    return `<tr><td>${name}</td><td>${company}</td><td>${phone}</td><td>contact${i}@example.com</td></tr>`;
  }).join('\n');
  return `<table><thead><tr><th>Name</th><th>Company</th><th>Phone</th><th>E-mail</th></tr></thead><tbody>${body}</tbody></table>`;
}

export async function writePages(dir: string): Promise<void> {
  const frames = (src: string) =>
    Array.from({ length: FRAMES }, (_, i) => `<iframe src="${src}?${i}" title="frame ${i}"></iframe>`).join('\n');
  await writeFile(join(dir, 'text-frame.html'), textPage('Side note', prose(4, 2)));
  await writeFile(
    join(dir, 'text-frames.html'),
    textPage('Harbour notes', `${prose(30, 1)}\n${frames('text-frame.html')}`),
  );
  await writeFile(join(dir, 'crm.html'), textPage('Contacts', `${prose(2, 3)}\n${crmTable(20)}`));
  await writeFile(join(dir, 'crm-frame.html'), textPage('Contact card', crmTable(2)));
  await writeFile(join(dir, 'crm-frames.html'), textPage('Contacts', `${crmTable(20)}\n${frames('crm-frame.html')}`));
}
