export { readEvents, readStream, readText } from "./read.js";
export { inMemoryEvents, type EventRecord, type EventSink, type ReadStats } from "./types.js";
