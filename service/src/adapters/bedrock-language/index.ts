export { type BedrockClientOptions, createBedrockRuntimeClient } from './bedrock-client.ts';
export { BedrockLanguageModel, type BedrockLanguageModelOptions } from './bedrock-language-model.ts';
