export { OpenAiCompatibleError, type OpenAiEndpoint } from './openai-chat-client.ts';
export { OpenAiLanguageModel, type OpenAiLanguageModelOptions } from './openai-language-model.ts';
