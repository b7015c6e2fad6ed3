/**
 * SMS segment arithmetic (3GPP TS 23.038): GSM-7 holds 160 septets in one segment, 153 per part when concatenated;
 * any character outside GSM-7 switches the whole message to UCS-2: 70 units, 67 per part. UCS-2 counts UTF-16 code
 * units, so an emoji outside the BMP costs two.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters of the extension table, sent as an escape plus the character: two septets each. */
const GSM7_EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return false;
  return true;
}

export function countSegments(text: string): SegmentCount {
  if (isGsm7(text)) {
    let units = 0;
    for (const char of text) units += extension.has(char) ? 2 : 1;
    return { encoding: 'GSM-7', units, segments: segmentsFor(units, 160, 153) };
  }
  return { encoding: 'UCS-2', units: text.length, segments: segmentsFor(text.length, 70, 67) };
}

function segmentsFor(units: number, single: number, perPart: number): number {
  if (units === 0) return 1;
  return units <= single ? 1 : Math.ceil(units / perPart);
}

export const MAX_REPLY_SEGMENTS = 3;

/**
 * Keeps a reply within `maxSegments`: a longer text becomes its leading sentences (as many as fit) followed by
 * a link to the whole text. Sentences are kept whole so the summary never ends mid-word.
 */
export function fitToSegments(text: string, link: string, maxSegments = MAX_REPLY_SEGMENTS): string {
  if (countSegments(text).segments <= maxSegments) return text;
  // Plain dots, not "…": a single character outside GSM-7 would turn the whole text into UCS-2 (70 per segment).
  const tail = ` ... More: ${link}`;
  const fits = (candidate: string) => countSegments(candidate + tail).segments <= maxSegments;
  // A sentence ends at . ! ? followed by a space, or at a line break: "$49.98" and links stay whole.
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).map((sentence) => `${sentence} `);
  let summary = '';
  let index = 0;
  for (; index < sentences.length; index++) {
    const sentence = sentences[index] ?? '';
    if (!fits(summary + sentence)) break;
    summary += sentence;
  }
  // A list ("Produce: 1x onion, 2x tomato, ...") keeps as many of its items as fit.
  const items = (sentences[index] ?? '').split(/(?<=,)\s+/);
  let partial = '';
  for (const item of items) {
    if (!fits(`${summary}${partial}${item.replace(/,$/, '')}`)) break;
    partial += `${item} `;
  }
  if (partial !== '' && items.length > 1) summary += partial.trim().replace(/,$/, ''); // the tail's "..." marks the cut
  if (summary === '') summary = cutAtWord(text, fits);
  return `${summary.trim()}${tail}`;
}

function cutAtWord(text: string, fits: (candidate: string) => boolean): string {
  const words = text.split(/\s+/);
  let summary = '';
  for (const word of words) {
    const next = summary === '' ? word : `${summary} ${word}`;
    if (!fits(next)) break;
    summary = next;
  }
  return summary;
}
