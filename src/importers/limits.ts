// Sizes that bound an import's memory and shape its batches.

/** A single record (JSON element, NDJSON line, CSV row) larger than this is rejected, not buffered. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;
export const MAX_RECORD_MIB = 32;

/**
 * Items per batch handed to the store, and bytes read from the file at a time (after the first MiB).
 * Small enough that a batch's records and events die young: with 1,000 and 1 MiB they outlived V8's
 * young generation and piled up in the old one, 60-80 MB of peak RSS (bench/README.md, "import").
 */
export const BATCH_SIZE = 250;

/**
 * A batch also ends once its records' text reaches this many characters, so that large records
 * (1 MB names, 10 MB ModifiedProperties) do not make one batch hold gigabytes: 250 records of
 * 10 MB each once took 2.2 GB of RSS. Ordinary batches (250 records of 2-3 KB) never reach it.
 */
export const BATCH_CHARS = 4 * 1024 * 1024;
export const READ_CHUNK_BYTES = 256 * 1024;

/** Bytes read first, to detect the encoding and the format (a CSV header, the first NDJSON line). */
export const FIRST_CHUNK_BYTES = 1024 * 1024;

/** Bytes looked at to decide the encoding and whether the file is text at all. */
export const HEAD_BYTES = 64 * 1024;

/**
 * How far openImport reads a JSON file to find its first audit record before it names the format.
 * Items produced meanwhile are kept and handed out first, so nothing is read twice.
 */
export const SNIFF_BYTES = 8 * 1024 * 1024;
