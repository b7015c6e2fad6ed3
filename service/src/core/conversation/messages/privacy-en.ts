import type { PrivacyMessages } from './privacy-catalog.ts';

export const privacyEn: PrivacyMessages = {
  exportReady: (link, hours) =>
    `Here is everything I have stored about you, as a file: ${link} The link works once, for ${hours} hours. Anyone with it can open it, so keep it to yourself.`,
  eraseWarning: () => [
    "This deletes everything I have about you: your profile, messages, plans, food log and links. It can't be undone. I keep only an anonymous note that a deletion happened and a coded record of your consent and STOP choices. Reply DELETE ALL to confirm; anything else cancels.",
  ],
  erased: () =>
    "Done: I've deleted everything I had about you. If you text me again, we'll start from the beginning.",
  eraseCancelled: () => 'OK, nothing was deleted. Your data stays as it was.',
};
