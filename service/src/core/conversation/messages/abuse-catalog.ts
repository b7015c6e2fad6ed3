/** Replies of the abuse limits (issue 11 item 4): said once, short, and never naming a number. */
export interface AbuseMessages {
  /** One sender sent more than the per-number limit in its window: the coach pauses until the window ends. */
  slowDown(): string;
  /** Everyone together sent more than the global limit this minute. */
  busy(): string;
  /** An SMS to this number's country is not offered (the allow-list of country codes). */
  countryNotAllowed(): string;
  /** Too many texts to new numbers in this country this hour: try later. */
  tooManyNewNumbers(): string;
}
