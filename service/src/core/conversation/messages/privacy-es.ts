import type { PrivacyMessages } from './privacy-catalog.ts';

export const privacyEs: PrivacyMessages = {
  // Without accents where it is natural, so the link fits in GSM-7 segments.
  exportReady: (link, hours) =>
    `Todos tus datos en un archivo: ${link} El enlace funciona una vez, durante ${hours} horas. Quien lo tenga puede abrirlo: no lo compartas.`,
  eraseWarning: () => [
    'Esto borra todo lo que tengo sobre ti: tu perfil, mensajes, planes, registro de comidas y enlaces. No se puede deshacer.',
    'Solo guardo una nota anónima del borrado y un registro cifrado de tu consentimiento y tus STOP. Responde BORRAR TODO para confirmar; cualquier otra respuesta lo cancela.',
  ],
  erased: () =>
    'Listo: borré todo lo que tenía sobre ti. Si vuelves a escribirme, empezaremos desde el principio.',
  eraseCancelled: () => 'De acuerdo, no borré nada. Tus datos siguen como estaban.',
};
