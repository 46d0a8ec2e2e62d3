// Reads a file in chunks from a position, opening it lazily: openImport reads the start of a file and
// closes it before returning, and the batches generator reopens it where the sniffing stopped. An
// import whose batches are never iterated therefore holds no file handle.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { TakebackError } from '../core/errors.ts';
import { READ_CHUNK_BYTES } from './limits.ts';

function errCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : e instanceof Error ? e.message : String(e);
}

export class ByteSource {
  readonly file: string;
  readonly size: number;
  /** Bytes read so far (the next read starts here). */
  position = 0;
  private handle: FileHandle | undefined;
  private eof = false;

  private constructor(file: string, size: number) {
    this.file = file;
    this.size = size;
  }

  /** Checks the file can be read. Throws TakebackError `import.unreadable` / `import.empty`. */
  static async open(file: string): Promise<ByteSource> {
    let size: number;
    try {
      const st = await stat(file);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      size = st.size;
    } catch (e) {
      throw new TakebackError('import.unreadable', { file, detail: errCode(e) }, { cause: e });
    }
    const src = new ByteSource(file, size);
    await src.ensureOpen();
    return src;
  }

  private async ensureOpen(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    try {
      this.handle = await open(this.file, 'r');
    } catch (e) {
      throw new TakebackError('import.unreadable', { file: this.file, detail: errCode(e) }, { cause: e });
    }
    return this.handle;
  }

  /** Where the next read starts (ahead of `position` while a chunk is being read in advance). */
  private nextPos = 0;
  private ahead: Promise<Buffer | null> | undefined;

  /**
   * The next chunk (a fresh buffer: consumers may keep references), or null at the end of the file.
   * While the caller works on it, the chunk after it is already being read.
   */
  async read(max: number = READ_CHUNK_BYTES): Promise<Buffer | null> {
    const pending = this.ahead ?? this.readAt(max);
    this.ahead = undefined;
    const buf = await pending;
    if (buf === null) {
      this.eof = true;
      await this.close();
      return null;
    }
    this.position += buf.length;
    if (this.nextPos < this.size) {
      this.ahead = this.readAt(max);
      // errors surface when the chunk is asked for
      this.ahead.catch(() => undefined);
    }
    return buf;
  }

  private async readAt(max: number): Promise<Buffer | null> {
    if (this.eof) return null;
    const fh = await this.ensureOpen();
    const at = this.nextPos;
    this.nextPos += max;
    const buf = Buffer.allocUnsafe(max);
    let n: number;
    try {
      ({ bytesRead: n } = await fh.read(buf, 0, max, at));
    } catch (e) {
      throw new TakebackError('import.unreadable', { file: this.file, detail: errCode(e) }, { cause: e });
    }
    if (n === 0) return null;
    if (n < max) this.nextPos = at + n;
    return n === max ? buf : buf.subarray(0, n);
  }

  /** Closes the file; a later read reopens it where the consumer stopped. */
  async close(): Promise<void> {
    const ahead = this.ahead;
    this.ahead = undefined;
    if (ahead) await ahead.catch(() => undefined);
    this.nextPos = this.position;
    const fh = this.handle;
    this.handle = undefined;
    if (fh) await fh.close().catch(() => undefined);
  }
}
