// The root entry: LanguageModelV2 for AI SDK 5. AI SDK 6 imports '/v3', AI SDK 7 '/v4'.
export * from './v2';
