import type { Locale } from '../domain/user.ts';

/** The words of attaching a phone to a web account (issue 10), per language: the SMS and each refusal. */
export const phoneLinkMessages: Record<
  Locale,
  {
    sms(code: string, minutes: number): string;
    sent(masked: string, minutes: number): string;
    linked(masked: string): string;
    alreadyHasPhone(): string;
    phoneTaken(): string;
    optedOut(): string;
    rateLimited(): string;
    notSent(): string;
    unavailable(): string;
    noCodePending(): string;
    expired(): string;
    wrongCode(triesLeft: number): string;
    tooManyAttempts(): string;
  }
> = {
  en: {
    sms: (code, minutes) =>
      `Your AI Nutritionist code is ${code}. It works for ${minutes} minutes. If you did not ask for it, ignore this message.`,
    sent: (masked, minutes) => `We texted a 6-digit code to ${masked}. Enter it within ${minutes} minutes.`,
    linked: (masked) => `Done: ${masked} is now linked to this account. You can text the coach from it.`,
    alreadyHasPhone: () => 'This account already has a phone number.',
    phoneTaken: () =>
      'That number already has its own account, so we did not link it. Text WEB from that phone to sign in to it instead; the two accounts are not merged.',
    optedOut: () =>
      'That number asked us to stop sending messages. Text START from it first, then ask for a code again.',
    rateLimited: () => 'Too many codes in the last hour. Please wait and try again later.',
    notSent: () => 'We could not send a text to that number. Check it and try again.',
    unavailable: () => 'Text messages are not set up here, so a phone cannot be linked.',
    noCodePending: () => 'There is no code waiting for this account. Ask for a new one.',
    expired: () => 'That code has expired. Ask for a new one.',
    wrongCode: (triesLeft) =>
      `That code is not right. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`,
    tooManyAttempts: () => 'Too many wrong codes. Ask for a new one.',
  },
  es: {
    sms: (code, minutes) =>
      `Tu código de AI Nutritionist es ${code}. Sirve durante ${minutes} minutos. Si no lo pediste, ignora este mensaje.`,
    sent: (masked, minutes) =>
      `Enviamos un código de 6 dígitos a ${masked}. Escríbelo antes de ${minutes} minutos.`,
    linked: (masked) =>
      `Listo: ${masked} ya está vinculado a esta cuenta. Puedes escribirle al coach desde él.`,
    alreadyHasPhone: () => 'Esta cuenta ya tiene un número de teléfono.',
    phoneTaken: () =>
      'Ese número ya tiene su propia cuenta, así que no lo vinculamos. Envía WEB desde ese teléfono para entrar en ella; las dos cuentas no se fusionan.',
    optedOut: () =>
      'Ese número nos pidió no enviar más mensajes. Envía START desde él primero y luego pide un código otra vez.',
    rateLimited: () => 'Demasiados códigos en la última hora. Espera e inténtalo más tarde.',
    notSent: () => 'No pudimos enviar un mensaje a ese número. Revísalo e inténtalo de nuevo.',
    unavailable: () =>
      'Aquí no hay mensajes de texto configurados, así que no se puede vincular un teléfono.',
    noCodePending: () => 'No hay ningún código pendiente para esta cuenta. Pide uno nuevo.',
    expired: () => 'Ese código caducó. Pide uno nuevo.',
    wrongCode: (triesLeft) =>
      `Ese código no es correcto. ${triesLeft === 1 ? 'Queda 1 intento' : `Quedan ${triesLeft} intentos`}.`,
    tooManyAttempts: () => 'Demasiados códigos incorrectos. Pide uno nuevo.',
  },
};
