/**
 * Turns the URLs in a reply into links without ever parsing text as HTML: the text is split into plain segments
 * and link segments, and the DOM is built from those with text nodes only.
 */

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only http(s): a `javascript:` or `data:` URL in a reply must stay plain text.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation written right after a URL belongs to the sentence, not to the URL.
const TRAILING_PUNCTUATION = /[.,!?;:'"]$/;

/** Splits `text` into text and link segments; concatenating every segment's `text` gives back `text`. */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (href === undefined) continue;
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start) });
    segments.push({ kind: 'link', text: url, href });
    cursor = start + url.length;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}

/** Appends `text` to `parent` as text nodes and `<a>` elements (opening in a new tab, without an opener). */
export function appendLinkified(parent: HTMLElement, text: string): void {
  for (const segment of splitLinks(text)) {
    if (segment.kind === 'text') {
      parent.append(document.createTextNode(segment.text));
      continue;
    }
    const link = document.createElement('a');
    link.href = segment.href;
    link.textContent = segment.text;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    parent.append(link);
  }
}

function trimUrl(candidate: string): string {
  let url = candidate;
  while (TRAILING_PUNCTUATION.test(url) || (url.endsWith(')') && !hasBalancedParens(url))) {
    url = url.slice(0, -1);
  }
  return url;
}

// Keeps "(see https://x.test/a)" from swallowing the ")" while leaving Wikipedia-style "/Foo_(bar)" intact.
function hasBalancedParens(url: string): boolean {
  return url.split('(').length === url.split(')').length;
}

// try/catch rather than URL.canParse, which older mobile browsers (Safari < 17) lack.
function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
