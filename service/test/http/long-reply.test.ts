import { describe, expect, it } from 'vitest';
import { countSegments } from '../../src/core/conversation/sms-segments.ts';
import {
  BASE_URL,
  buildTestApp,
  signedTwilioRequest,
  smsParams,
  twimlMessages,
} from '../support/test-app.ts';

const PHONE = '+15557770001';

describe('a reply longer than three SMS segments', () => {
  it('is cut to a summary plus a link to the whole text, which the link serves', async () => {
    const { app } = buildTestApp();
    const send = async (body: string) =>
      twimlMessages(await (await app.request(signedTwilioRequest(smsParams(PHONE, body)))).text());
    for (const message of [
      'hola',
      'sí',
      'bajar de peso',
      'vegetariano, alergia a la leche, huevo, pescado, mariscos, nueces, maní, trigo, soja, ajonjolí y gluten',
      'familia de 5, 180 dólares a la semana',
    ]) {
      await send(message);
    }
    const replies = await send('tengo 34 años, mujer, 165 cm, 70 kg, actividad moderada');
    const summary = replies.find((reply) => reply.startsWith('¡Listo!'));
    expect(summary).toBeDefined();
    for (const reply of replies) expect(countSegments(reply).segments).toBeLessThanOrEqual(3);
    const link = summary?.match(/https:\/\/coach\.example\.test\/m\/[0-9a-f-]{36}$/)?.[0];
    expect(link, summary).toBeDefined();
    const page = await app.request(link ?? `${BASE_URL}/m/none`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Presupuesto: $180/semana.');
    expect(html).toContain('Sobre ti: 34, mujer, 165 cm, 70 kg, moderada.');
  });
});
