/** WhatsApp refuses template variables with line breaks, tabs or runs of spaces, and caps their length. */
const MAX_VARIABLE_CHARS = 1000;

/**
 * The Content API variables for the configured template: `{{1}}` is the message text on one line. The template
 * (approved by WhatsApp) wraps it, e.g. "Your coach has an update: {{1}} Reply to continue.".
 */
export function templateVariables(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  const text =
    oneLine.length > MAX_VARIABLE_CHARS ? `${oneLine.slice(0, MAX_VARIABLE_CHARS - 1).trimEnd()}…` : oneLine;
  return JSON.stringify({ '1': text });
}
