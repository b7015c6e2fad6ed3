/** Small server-rendered pages. Every dynamic string goes through `escapeHtml`. */
export function page(title: string, bodyHtml: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2933}h1{font-size:1.4rem}p{white-space:pre-wrap}</style></head><body>${bodyHtml}</body></html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function privacyPage(brandName: string): string {
  const brand = escapeHtml(brandName);
  return page(
    `${brandName} – privacy`,
    `<h1>${brand}: what we store and why</h1>
<p>Until you reply YES we keep only your phone number and a record of your answer to the consent question.</p>
<p>With your consent we store what you tell us about your goal, allergies, diet, household, budget and (optionally) body measurements, and recent messages for a limited time, to plan meals and answer you. This is health data: we use it only to coach you.</p>
<p>Reply STOP at any time to stop all messages. A record that you opted out is kept so we keep honouring it.</p>
<p>General wellness information, not medical advice.</p>`,
  );
}
