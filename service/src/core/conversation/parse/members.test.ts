import { describe, expect, it } from 'vitest';
import type { Member } from '../../domain/profile.ts';
import { type MembersAnswer, parseMembers } from './members.ts';

type Expected = Member[] | Exclude<MembersAnswer['kind'], 'members'> | `incomplete:${'age' | 'sex'}`;

const partner = (age: number, sex: Member['sex'], extra: Partial<Member> = {}): Member => ({
  relation: 'partner',
  age,
  sex,
  ...extra,
});
const child = (age: number, sex: Member['sex'], extra: Partial<Member> = {}): Member => ({
  relation: 'child',
  age,
  sex,
  ...extra,
});

/** Expected readings of the members answer (EN/ES, typos, units, hostile input), written with the parser's rules. */
const ROWS: [string, Expected][] = [
  // The examples the coach gives
  [
    'partner 36 male, kids 8 and 5 (boy and girl)',
    [partner(36, 'male'), child(8, 'male'), child(5, 'female')],
  ],
  [
    'mi pareja 35 mujer, un niño de 8 y una niña de 5',
    [partner(35, 'female'), child(8, 'male'), child(5, 'female')],
  ],
  // English variants
  ['wife 34, son 10, daughter 7', [partner(34, 'female'), child(10, 'male'), child(7, 'female')]],
  ['my husband is 41, our daughter is 12', [partner(41, 'male'), child(12, 'female')]],
  [
    '36 male, 8 boy, 5 girl',
    [{ relation: 'other', age: 36, sex: 'male' }, child(8, 'male'), child(5, 'female')],
  ],
  ['boy 8, girl 5', [child(8, 'male'), child(5, 'female')]],
  ['a boy of 8 and a girl aged 5', [child(8, 'male'), child(5, 'female')]],
  ['kids 8 and 5, boy and girl', [child(8, 'male'), child(5, 'female')]],
  ['2 kids: 9 m and 6 f', [child(9, 'male'), child(6, 'female')]],
  [
    'husband 42 male 183cm 90kg, son 10, daughter 7, daughter 4',
    [
      partner(42, 'male', { heightCm: 183, weightKg: 90 }),
      child(10, 'male'),
      child(7, 'female'),
      child(4, 'female'),
    ],
  ],
  ['partner 38 male 5\'11" 180 lb', [partner(38, 'male', { heightCm: 180.3, weightKg: 81.6 })]],
  ['wife 29 female, baby girl 1', [partner(29, 'female'), child(1, 'female')]],
  ['baby boy 18 months', [child(1, 'male')]],
  ['mom 67 female', [{ relation: 'parent', age: 67, sex: 'female' }]],
  ['my brother 25', [{ relation: 'sibling', age: 25, sex: 'male' }]],
  [
    'partner 36 male very active, kids 8 and 5 (boy and girl)',
    [partner(36, 'male', { activity: 'very_active' }), child(8, 'male'), child(5, 'female')],
  ],
  ['me 40 female, husband 42 male', [partner(42, 'male')]],
  ['twins boy and girl 7 and 7', [child(7, 'male'), child(7, 'female')]],
  ['thirty-six year old husband, eight year old son', [partner(36, 'male'), child(8, 'male')]],
  // Typos and shorthand
  ['wife 34 F, kid 6 M', [partner(34, 'female'), child(6, 'male')]],
  ['husbnd 40 male, daughter 9', [{ relation: 'other', age: 40, sex: 'male' }, child(9, 'female')]],
  // Spanish
  ['mi esposo 40, mi hija 12', [partner(40, 'male'), child(12, 'female')]],
  ['esposa 38 años, hijo de 15 años', [partner(38, 'female'), child(15, 'male')]],
  [
    'mi mamá 70, mi papá 72',
    [
      { relation: 'parent', age: 70, sex: 'female' },
      { relation: 'parent', age: 72, sex: 'male' },
    ],
  ],
  ['pareja 35 hombre 1,80 m 82 kg', [partner(35, 'male', { heightCm: 180, weightKg: 82 })]],
  ['mi pareja 34 mujer, niños de 8 y 5', 'incomplete:sex'],
  ['ninos de 8 y 5 (nino y nina)', [child(8, 'male'), child(5, 'female')]],
  // Named but not described: asked again
  ['me and my husband and 2 kids', 'incomplete:age'],
  ['my wife and our son', 'incomplete:age'],
  ['husband 42 male and 2 kids', 'incomplete:age'],
  ['partner 36, kids 8 and 5', 'incomplete:sex'],
  ['mi pareja y mis hijos', 'incomplete:age'],
  // Out of range
  ['partner 999 male', 'out_of_range'],
  ['son 12 male 900kg', 'out_of_range'],
  // Not about people: routed as usual
  ['blorp', 'none'],
  ['plan', 'none'],
  ['had 2 eggs and toast', 'none'],
  ['today', 'none'],
  ['', 'none'],
  // Hostile
  ["'; DROP TABLE users; -- partner 36 male", [partner(36, 'male')]],
  ['<script>alert(1)</script>', 'none'],
  [`partner 36 male ${'x'.repeat(700)}`, 'none'],
  ['🙂🙂🙂 kids', 'incomplete:age'],
  [Array.from({ length: 30 }, (_, i) => `kid ${i % 17} boy`).join(', '), 'out_of_range'],
];

function summary(answer: MembersAnswer): Expected {
  if (answer.kind === 'members') return answer.members;
  if (answer.kind === 'incomplete') return `incomplete:${answer.missing}`;
  return answer.kind;
}

describe('parseMembers', () => {
  it.each(ROWS)('%j → %j', (text, expected) => {
    expect(summary(parseMembers(text))).toEqual(expected);
  });

  it('never throws on odd input', () => {
    for (const input of [null, undefined, 42, {}, '\u0000', '((((', '1'.repeat(500), 'de de de de'])
      expect(() => parseMembers(input)).not.toThrow();
  });

  it('says whether a relation was named', () => {
    expect(parseMembers('partner 36 male')).toMatchObject({ kind: 'members', named: true });
    expect(parseMembers('36 male')).toMatchObject({ kind: 'members', named: false });
  });
});
