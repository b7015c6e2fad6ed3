#!/usr/bin/env node
import { buildDeploymentConfig } from '../config/deployment-context.ts';
import { parseCostArgs } from '../cost/cli-args.ts';
import { estimateMonthlyCost } from '../cost/estimate.ts';
import { formatEstimate } from '../cost/format.ts';
import { PRICES } from '../cost/prices.ts';

// `npm run cost -- --context env=prod --context tier=enterprise --users 10000`: the monthly bill of one deployment
// from its config and the usage assumptions, offline (prices are a dated table, not fetched).
const argv = process.argv.slice(2);
const first = parseCostArgs(argv);
if (!first.ok) {
  process.stderr.write(`npm run cost: ${first.errors.join('\n  ')}\n`);
  process.exit(2);
}
const config = buildDeploymentConfig(first.args.env, first.args.tier);
// SMS goes through AWS End User Messaging when the config names an origination identity, else Twilio; a
// --sms-provider flag still wins.
const parsed = parseCostArgs(argv, config.smsOriginationIdentity === null ? 'twilio' : 'aws');
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const { env, tier, assumptions, overridden } = parsed.args;
const estimate = estimateMonthlyCost(config, assumptions, PRICES);
process.stdout.write(
  `${formatEstimate(`Monthly estimate: env=${env}, tier=${tier}, ${assumptions.users.toLocaleString('en-US')} users`, estimate, assumptions, overridden)}\n`,
);
