import type { Weekday } from '../../domain/weekly-delivery.ts';
import type { WeeklyMessages, WeeklySchedule } from './weekly-catalog.ts';

const DAYS: Readonly<Record<Weekday, string>> = {
  sunday: 'domingo',
  monday: 'lunes',
  tuesday: 'martes',
  wednesday: 'miércoles',
  thursday: 'jueves',
  friday: 'viernes',
  saturday: 'sábado',
};

const when = (s: WeeklySchedule) =>
  `cada ${DAYS[s.weekday]}, entre las ${s.from} y las ${s.until} de tu hora (${s.zone})`;

export const weeklyEs: WeeklyMessages = {
  turnedOn: (s) =>
    `Plan semanal activado: te enviaré el plan de la semana nueva ${when(s)}. Escribe «semanal no» para dejarlo.`,
  isOn: (s) => `El plan semanal está activado: un plan nuevo ${when(s)}. Escribe «semanal no» para dejarlo.`,
  turnedOff: () =>
    'Plan semanal desactivado: solo te enviaré un plan cuando lo pidas. Escribe «semanal sí» para volver a recibirlo.',
  isOff: () =>
    'Plan semanal desactivado. Escribe «semanal sí» para recibir un plan nuevo cada domingo, o «plan semanal los lunes» para otro día.',
  whichDay: () => '¿Qué día quieres el plan semanal? Escribe por ejemplo «plan semanal los domingos».',
};
