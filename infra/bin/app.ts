#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { defineNutritionistApp } from '../lib/nutritionist-app.ts';

// With no AWS account at hand (CI, reviews) the app still synthesizes against a placeholder account; a real
// deploy runs with credentials, where the CLI sets CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION.
const account = process.env.CDK_DEFAULT_ACCOUNT;
const target = account
  ? { account, region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1' }
  : { account: '123456789012', region: 'us-east-1' };

defineNutritionistApp(new App(), target);
