// Sizes that bound an import's memory and shape its batches.

/** A single record (JSON element, NDJSON line, CSV row) larger than this is rejected, not buffered. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;
export const MAX_RECORD_MIB = 32;

/** Items per batch handed to the store. */
export const BATCH_SIZE = 1000;

/** Bytes read from the file at a time. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/** Bytes looked at to decide the encoding and whether the file is text at all. */
export const HEAD_BYTES = 64 * 1024;

/**
 * How far openImport reads a JSON file to find its first audit record before it names the format.
 * Items produced meanwhile are kept and handed out first, so nothing is read twice.
 */
export const SNIFF_BYTES = 8 * 1024 * 1024;
