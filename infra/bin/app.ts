#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { defineNutritionistApp } from '../lib/nutritionist-app.ts';

// With no AWS account at hand (CI, reviews) the app still synthesizes against a placeholder account; a real
// deploy runs with credentials, where the CLI sets CDK_DEFAULT_ACCOUNT. Regions come from the configuration.
const account = process.env.CDK_DEFAULT_ACCOUNT ?? '123456789012';

defineNutritionistApp(new App(), { account });
