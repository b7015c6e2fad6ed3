import { ADULT_FLOOR_KCAL } from '../../nutrition/targets/energy-policy.ts';
import { formatKcal } from './kcal-format.ts';
import type { SafetyCatalog } from './safety-catalog.ts';
import {
  ANAD_HELPLINE,
  CRISIS_LINE,
  CRISIS_LINE_SPANISH_KEY,
  EMERGENCY_NUMBER,
} from './support-resources.ts';

const womenFloor = formatKcal(ADULT_FLOOR_KCAL.female, 'es');
const menFloor = formatKcal(ADULT_FLOOR_KCAL.male, 'es');

/** Accented Spanish is sent as UCS-2 (67 characters a part), so the replies are split into shorter messages. */
export const safetyMessagesEs: SafetyCatalog = {
  // 988 atiende en español: marcar 2 al llamar, o enviar AYUDA por texto (see support-resources.ts).
  self_harm_crisis: () => [
    `Siento mucho que te sientas así. Llama al ${CRISIS_LINE} y ${CRISIS_LINE_SPANISH_KEY}, o envía AYUDA por texto al ${CRISIS_LINE}: te atienden en español, gratis y a cualquier hora.`,
    `Si estás en peligro inmediato, llama al ${EMERGENCY_NUMBER}. Me alegra que me lo hayas contado; no tienes que pasar por esto sin apoyo.`,
  ],
  eating_disorder: () => [
    'Gracias por contármelo. Lo que vives suena muy difícil y mereces apoyo. He desactivado los planes para bajar de peso, las cifras de calorías y los recordatorios de registro.',
    `Si quieres hablar con alguien: llama al ${CRISIS_LINE} y ${CRISIS_LINE_SPANISH_KEY}, o envía AYUDA al ${CRISIS_LINE} (en español, a cualquier hora). Línea de ANAD: ${ANAD_HELPLINE}. También puedes hablar con tu médico.`,
    'Sigo aquí para ayudarte con comidas regulares y equilibradas cuando quieras.',
  ],
  minor_under_13: (brand) => [
    `Lo siento, ${brand.name} es para mayores de 13 años, así que no puedo registrarte. Habla con tu madre, padre, tutor o médico sobre comer bien mientras creces.`,
  ],
  minor_teen_deficit: () => [
    'No hago planes para bajar de peso a menores de 18: un cuerpo en crecimiento necesita comer lo suficiente. Lo mejor es hablarlo con un médico, junto con tu madre, padre o tutor.',
    'Sí puedo ayudarte con comidas equilibradas y regulares.',
  ],
  pregnancy: () => [
    'Durante el embarazo o la lactancia no planifico un déficit de calorías: las metas de peso y nutrición las debe fijar un médico o matrona.',
    'Puedo sugerir comidas equilibradas que pueden ayudar a sentirse bien; consulta con tu médico qué alimentos evitar.',
  ],
  medical: () => [
    'Con una condición de salud así no planifico un déficit de calorías. Sigue las indicaciones de tu médico o equipo de salud y consúltales cualquier plan.',
    'Puedo darte ideas generales de alimentación sana que pueden ayudar junto a su atención. No es consejo médico.',
  ],
  extreme_deficit: () => [
    `No puedo planificar por debajo de ${womenFloor} kcal al día para mujeres ni de ${menFloor} para hombres: bajar de ahí requiere supervisión médica.`,
    'Perder unos 0,5 kg por semana es más seguro y fácil de mantener. Si quieres, te preparo un plan a un nivel seguro.',
  ],
  allergen_free_request: (brand) => [
    `No puedo garantizar que una comida no tenga trazas de alérgenos. Los planes de ${brand.name} excluyen como ingrediente los alérgenos de tu perfil.`,
    'Revisa siempre en la etiqueta el aviso "puede contener" y, ante una alergia grave, consulta a tu alergólogo.',
  ],
};
