import { parseArgs } from 'node:util';
import { runChat } from './cli/chat-command.ts';
import { runFoods } from './cli/foods-command.ts';
import { runPlan } from './cli/plan-command.ts';
import { runServe } from './cli/serve-command.ts';

const USAGE = `Usage:
  nutritionist serve                                  start the local server (same as npm start)
  nutritionist chat --as PHONE [--data-dir DIR] [--json] [--now ISO]
                                                      chat as PHONE (E.164 or whatsapp:+E.164) over the SMS channel;
                                                      --now replays as if it started at that instant
  nutritionist plan --profile FILE [--json]           plan a week of meals for the household in FILE (JSON)
  nutritionist foods show ID... [--json]              show foods: nutrients per 100 g, allergens, diets
  nutritionist foods search TEXT... [--json]          find foods by name or synonym (best 10)`;

/** Exit codes: 0 done, 1 fault or bad configuration, 2 bad usage or input. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return runServe();
    case 'chat': {
      const { values } = parseArgs({
        args: rest,
        options: {
          as: { type: 'string' },
          'data-dir': { type: 'string' },
          json: { type: 'boolean', default: false },
          now: { type: 'string' },
        },
        strict: true,
      });
      return runChat({
        as: values.as,
        dataDir: values['data-dir'],
        json: values.json ?? false,
        ...(values.now === undefined ? {} : { now: values.now }),
      });
    }
    case 'plan': {
      const { values } = parseArgs({
        args: rest,
        options: { profile: { type: 'string' }, json: { type: 'boolean', default: false } },
        strict: true,
      });
      return runPlan({ profile: values.profile, json: values.json ?? false });
    }
    case 'foods': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { json: { type: 'boolean', default: false } },
        allowPositionals: true,
        strict: true,
      });
      const [subcommand, ...words] = positionals;
      return runFoods(subcommand, words, values.json ?? false);
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const usage =
    error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = usage ? 2 : 1;
}
