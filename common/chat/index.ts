export { NdjsonParseError, createNdjsonDecoder, encodeNdjsonLine, readNdjson, type NdjsonDecoder, type NdjsonDecoderOptions } from './ndjson';
export { ChatEventError, createChatEventDecoder, encodeChatEvent, isTerminalChatEvent, readChatEvents } from './chat_events';
