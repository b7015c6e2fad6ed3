/**
 * The bench's question bank beside the knowledge base (`bench/language-trace.ts` builds the rest from its 125
 * entries): general questions the knowledge base does not cover — a model asked them answers "no match" — and the
 * personal messages of a trace, whose answers depend on the user's own data. Each general question is one meaning
 * with its paraphrases: English first, then Spanish. Written for the bench, not tuned to the cache.
 */
export interface ExtraQuestion {
  id: string;
  en: string[];
  es: string[];
}

const x = (id: string, en: string[], es: string[]): ExtraQuestion => ({ id, en, es });

export const EXTRA_QUESTIONS: ExtraQuestion[] = [
  x(
    'quinoa',
    ['Is quinoa a complete protein?', 'is quinoa complete protein'],
    ['¿La quinoa es proteína completa?'],
  ),
  x(
    'glycemic-index',
    ['What is the glycemic index?', 'what does glycemic index mean'],
    ['¿Qué es el índice glucémico?'],
  ),
  x(
    'potatoes',
    ['Are potatoes healthy?', 'are potatoes good for you'],
    ['¿Las patatas son sanas?', '¿la papa es saludable?'],
  ),
  x('rice-arsenic', ['Does rice have arsenic?', 'arsenic in rice?'], ['¿El arroz tiene arsénico?']),
  x(
    'bananas-potassium',
    ['How many bananas a day is too many?', 'can you eat too many bananas'],
    ['¿Cuántos plátanos al día son demasiados?'],
  ),
  x('avocado', ['Is avocado good for you?', 'are avocados healthy'], ['¿El aguacate es sano?']),
  x(
    'olive-oil',
    ['Is olive oil healthier than butter?', 'olive oil vs butter'],
    ['¿El aceite de oliva es mejor que la mantequilla?'],
  ),
  x('coconut-oil', ['Is coconut oil healthy?', 'coconut oil good or bad'], ['¿El aceite de coco es sano?']),
  x(
    'dark-chocolate',
    ['Is dark chocolate good for you?', 'dark chocolate healthy?'],
    ['¿El chocolate negro es sano?'],
  ),
  x(
    'green-tea',
    ['Does green tea help you lose weight?', 'green tea weight loss'],
    ['¿El té verde ayuda a adelgazar?'],
  ),
  x(
    'apple-cider-vinegar',
    ['Does apple cider vinegar work for weight loss?', 'apple cider vinegar benefits'],
    ['¿El vinagre de manzana adelgaza?'],
  ),
  x(
    'intermittent-fasting',
    ['Does intermittent fasting work?', 'is intermittent fasting healthy'],
    ['¿Funciona el ayuno intermitente?'],
  ),
  x('keto', ['Is the keto diet safe?', 'is keto healthy'], ['¿La dieta keto es segura?']),
  x('paleo', ['What is the paleo diet?', 'is paleo a good diet'], ['¿Qué es la dieta paleo?']),
  x(
    'mediterranean',
    ['What is the Mediterranean diet?', 'mediterranean diet explained'],
    ['¿Qué es la dieta mediterránea?'],
  ),
  x('dash', ['What is the DASH diet?', 'dash diet meaning'], ['¿Qué es la dieta DASH?']),
  x(
    'calorie-density',
    ['What is calorie density?', 'what does energy density mean'],
    ['¿Qué es la densidad calórica?'],
  ),
  x(
    'metabolism',
    ['Can you speed up your metabolism?', 'how to boost metabolism'],
    ['¿Se puede acelerar el metabolismo?'],
  ),
  x(
    'spot-reduction',
    ['Can you lose belly fat by eating certain foods?', 'foods that burn belly fat'],
    ['¿Hay alimentos que quemen grasa abdominal?'],
  ),
  x('cravings', ['Why do I crave sweets?', 'why do people crave sugar'], ['¿Por qué se antojan los dulces?']),
  x(
    'hunger-hormones',
    ['What hormones control hunger?', 'ghrelin and leptin'],
    ['¿Qué hormonas controlan el hambre?'],
  ),
  x(
    'sleep-weight',
    ['Does sleep affect weight?', 'lack of sleep and weight gain'],
    ['¿Dormir poco engorda?'],
  ),
  x(
    'stress-eating',
    ['How do I stop stress eating?', 'emotional eating tips'],
    ['¿Cómo dejo de comer por ansiedad?'],
  ),
  x(
    'mindful-eating',
    ['What is mindful eating?', 'mindful eating meaning'],
    ['¿Qué es comer con atención plena?'],
  ),
  x('organic', ['Is organic food healthier?', 'is organic worth it'], ['¿La comida orgánica es más sana?']),
  x(
    'gmo',
    ['Are GMOs safe to eat?', 'are genetically modified foods safe'],
    ['¿Los transgénicos son seguros?'],
  ),
  x(
    'pesticides',
    ['Should I worry about pesticides on produce?', 'pesticide residue on fruit'],
    ['¿Me preocupan los pesticidas en la fruta?'],
  ),
  x('soy', ['Is soy bad for men?', 'does soy affect hormones'], ['¿La soja afecta a las hormonas?']),
  x('tofu', ['Is tofu healthy?', 'tofu good for you?'], ['¿El tofu es sano?']),
  x(
    'tempeh-seitan',
    ['What is the difference between tempeh and seitan?', 'tempeh vs seitan'],
    ['¿Qué diferencia hay entre tempeh y seitán?'],
  ),
  x(
    'almond-milk',
    ['Is almond milk nutritious?', 'almond milk protein'],
    ['¿La bebida de almendra alimenta?'],
  ),
  x(
    'oat-milk',
    ['Is oat milk high in sugar?', 'oat milk sugar'],
    ['¿La bebida de avena tiene mucho azúcar?'],
  ),
  x(
    'greek-yogurt',
    ['Is Greek yogurt better than regular yogurt?', 'greek vs regular yogurt'],
    ['¿El yogur griego es mejor que el normal?'],
  ),
  x('cheese', ['Is cheese bad for you?', 'is cheese unhealthy'], ['¿El queso es malo?']),
  x(
    'butter-margarine',
    ['Is butter or margarine better?', 'butter vs margarine'],
    ['¿Mantequilla o margarina?'],
  ),
  x(
    'peanut-butter',
    ['Is peanut butter healthy?', 'peanut butter good for you'],
    ['¿La crema de cacahuete es sana?'],
  ),
  x('granola', ['Is granola healthy?', 'is granola a good breakfast'], ['¿El granola es sano?']),
  x(
    'smoothies',
    ['Are smoothies healthy?', 'are fruit smoothies good for you'],
    ['¿Los batidos de fruta son sanos?'],
  ),
  x(
    'sparkling-water',
    ['Is sparkling water bad for your teeth?', 'is fizzy water bad'],
    ['¿El agua con gas es mala?'],
  ),
  x('tea-iron', ['Does tea block iron absorption?', 'tea and iron'], ['¿El té impide absorber hierro?']),
  x(
    'spinach-oxalate',
    ['Does spinach really have a lot of iron?', 'spinach iron myth'],
    ['¿Las espinacas tienen mucho hierro?'],
  ),
  x(
    'carrots-eyes',
    ['Do carrots improve eyesight?', 'carrots good for your eyes'],
    ['¿Las zanahorias mejoran la vista?'],
  ),
  x(
    'garlic',
    ['Is garlic good for your health?', 'garlic health benefits'],
    ['¿El ajo es bueno para la salud?'],
  ),
  x(
    'turmeric',
    ['Does turmeric reduce inflammation?', 'turmeric benefits'],
    ['¿La cúrcuma es antiinflamatoria?'],
  ),
  x('collagen', ['Do collagen supplements work?', 'is collagen worth taking'], ['¿Funciona el colágeno?']),
  x('bcaa', ['Are BCAAs worth it?', 'do bcaa supplements work'], ['¿Sirven los BCAA?']),
  x(
    'electrolytes',
    ['Do I need electrolyte drinks?', 'when to drink electrolytes'],
    ['¿Necesito bebidas con electrolitos?'],
  ),
  x(
    'sports-drinks',
    ['Are sports drinks better than water?', 'gatorade vs water'],
    ['¿Las bebidas isotónicas son mejores que el agua?'],
  ),
  x(
    'pre-workout',
    ['What should I eat before a workout?', 'pre workout meal'],
    ['¿Qué como antes de entrenar?'],
  ),
  x(
    'carb-loading',
    ['What is carb loading?', 'carb loading before a race'],
    ['¿Qué es la carga de carbohidratos?'],
  ),
  x(
    'muscle-gain',
    ['How do I build muscle with food?', 'diet to gain muscle'],
    ['¿Cómo gano músculo con la dieta?'],
  ),
  x('cheat-meals', ['Are cheat meals OK?', 'is a cheat day bad'], ['¿Está bien un día libre en la dieta?']),
  x(
    'calorie-counting',
    ['Is counting calories accurate?', 'are calorie labels accurate'],
    ['¿Contar calorías es exacto?'],
  ),
  x(
    'food-combining',
    ['Does food combining work?', 'should you not mix protein and carbs'],
    ['¿Funciona no mezclar proteínas y carbohidratos?'],
  ),
  x(
    'raw-vegetables',
    ['Are raw vegetables healthier than cooked?', 'raw vs cooked vegetables'],
    ['¿La verdura cruda es más sana que cocida?'],
  ),
  x(
    'air-fryer',
    ['Is air frying healthy?', 'are air fryers healthier'],
    ['¿La freidora de aire es más sana?'],
  ),
  x('nonstick', ['Are nonstick pans safe?', 'is teflon safe'], ['¿Las sartenes antiadherentes son seguras?']),
  x(
    'plastic-containers',
    ['Is it safe to microwave plastic containers?', 'microwave plastic safe?'],
    ['¿Es seguro calentar táper de plástico?'],
  ),
  x(
    'mold',
    ['Can I cut mold off cheese?', 'is moldy bread safe if I cut it'],
    ['¿Puedo quitar el moho del queso?'],
  ),
  x(
    'rice-reheat',
    ['Is reheating rice dangerous?', 'can you reheat rice'],
    ['¿Es peligroso recalentar arroz?'],
  ),
  x(
    'eggs-fridge',
    ['Should eggs be kept in the fridge?', 'do eggs need refrigeration'],
    ['¿Los huevos van en la nevera?'],
  ),
  x('sprouts', ['Are raw sprouts safe?', 'alfalfa sprouts safe'], ['¿Los brotes crudos son seguros?']),
  x('sushi', ['Is sushi healthy?', 'is sushi good for you'], ['¿El sushi es sano?']),
  x(
    'energy-balls',
    ['What is a good snack for work?', 'office snack ideas'],
    ['¿Qué tentempié llevo al trabajo?'],
  ),
  x(
    'lunchbox',
    ['What are easy healthy lunches to pack?', 'packed lunch ideas'],
    ['¿Qué comida sana llevo en táper?'],
  ),
  x(
    'seasonal',
    ['Which vegetables are in season in winter?', 'winter seasonal vegetables'],
    ['¿Qué verduras son de temporada en invierno?'],
  ),
  x(
    'herbs-spices',
    ['How can I add flavor without salt?', 'season food without salt'],
    ['¿Cómo doy sabor sin sal?'],
  ),
  x('world-cup', ['Who won the world cup?', 'who won the last world cup'], ['¿Quién ganó el mundial?']),
  x(
    'capital-france',
    ['What is the capital of France?', 'capital of france'],
    ['¿Cuál es la capital de Francia?'],
  ),
  x('weather', ['What is the weather tomorrow?', 'will it rain tomorrow'], ['¿Qué tiempo hará mañana?']),
  x('joke', ['Tell me a joke', 'know any jokes?'], ['Cuéntame un chiste']),
  x('car', ['Can you fix my car?', 'how do I change a tire'], ['¿Cómo cambio una rueda?']),
  x('movie', ['What movie should I watch?', 'recommend a movie'], ['¿Qué película veo?']),
  x('stocks', ['Should I buy stocks?', 'is bitcoin a good investment'], ['¿Compro acciones?']),
  x('time', ['What time is it in Tokyo?', 'time in tokyo'], ['¿Qué hora es en Tokio?']),
  x(
    'translate',
    ['How do you say apple in French?', 'apple in french'],
    ['¿Cómo se dice manzana en francés?'],
  ),
  x(
    'meaning-of-life',
    ['What is the meaning of life?', 'meaning of life?'],
    ['¿Cuál es el sentido de la vida?'],
  ),
  x('recipe-lasagna', ['How do I make lasagna?', 'lasagna recipe'], ['¿Cómo hago lasaña?']),
  x('kombucha', ['Is kombucha good for you?', 'kombucha benefits'], ['¿La kombucha es sana?']),
];

/**
 * Personal messages: logging, the plan, the summary, or a question stated about oneself. `{n}`, `{w}` and
 * `{name}` are filled per user, so some texts are the same for many users ("what's for dinner?") and some are
 * unique — both must never serve one user's answer to another.
 */
export const PERSONAL_TEMPLATES: { en: string[]; es: string[] } = {
  en: [
    'had 2 eggs and a slice of toast',
    'I ate a banana',
    'had {n} cups of rice',
    "what's for dinner?",
    "what's for lunch",
    'how am I doing?',
    'how many calories have I had today?',
    'did I eat enough fiber today?',
    'is my plan too high in sodium?',
    "I'm pregnant, can I eat tuna?",
    'is coffee bad for me?',
    'I weigh {w} kg, how much protein do I need?',
    'my name is {name}, how much water should I drink?',
    'swap my dinner',
    'shopping list',
    'what should I eat for lunch tomorrow?',
  ],
  es: [
    'desayuné 2 huevos y una tostada',
    'comí un plátano',
    'comí {n} tazas de arroz',
    '¿qué hay de cena?',
    '¿cómo voy?',
    '¿cuántas calorías llevo hoy?',
    '¿mi plan tiene mucha sal?',
    'estoy embarazada, ¿puedo comer atún?',
    '¿el café es malo para mí?',
    'peso {w} kg, ¿cuánta proteína necesito?',
    'me llamo {name}, ¿cuánta agua debo tomar?',
    'lista de compras',
  ],
};

export const NAMES = ['Maria', 'Ana', 'John', 'Wei', 'Fatima', 'Luis', 'Sofia', 'Omar', 'Grace', 'Diego'];
