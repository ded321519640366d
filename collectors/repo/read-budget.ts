import { DEFAULT_MAX_BYTES } from './open.ts';
import type { FileRefusal, RepoHistory, RepoReader, TextRead } from './reader.ts';

/**
 * One fact's view of a repository that reads at most `bytes` of file content (portal.yaml
 * `limits.megabytes`). Reads take their share in the order they are asked for, whatever order the
 * disk answers in, so the same repository always leaves out the same files; once the budget is
 * spent, every later read is refused and `onRefused` hears of it.
 */
export class ReadBudget implements RepoReader {
  readonly name: string;
  readonly #reader: RepoReader;
  readonly #cap: number;
  readonly #onRefused: (path: string) => void;
  #left: number;
  #spent = false;
  /** The reservations, in the order reads were asked for. */
  #turns: Promise<unknown> = Promise.resolve();

  constructor(reader: RepoReader, bytes: number, onRefused: (path: string) => void) {
    this.name = reader.name;
    this.#reader = reader;
    this.#cap = bytes;
    this.#left = bytes;
    this.#onRefused = onRefused;
  }

  files(): readonly string[] {
    return this.#reader.files();
  }

  has(path: string): boolean {
    return this.#reader.has(path);
  }

  glob(pattern: string | readonly string[]): string[] {
    return this.#reader.glob(pattern);
  }

  unlisted(): readonly string[] {
    return this.#reader.unlisted();
  }

  symlinks(): readonly string[] {
    return this.#reader.symlinks();
  }

  leftOut(): number {
    return this.#reader.leftOut();
  }

  size(path: string): Promise<number | undefined> {
    return this.#reader.size(path);
  }

  inspect(path: string): Promise<{ ok: true; size: number } | ({ ok: false } & FileRefusal)> {
    return this.#reader.inspect(path);
  }

  history(): Promise<RepoHistory> {
    return this.#reader.history();
  }

  async readText(path: string, options: { maxBytes?: number } = {}): Promise<string | undefined> {
    const read = await this.read(path, options);
    return read.ok ? read.text : undefined;
  }

  async read(path: string, options: { maxBytes?: number; truncate?: boolean } = {}): Promise<TextRead> {
    const refusal = await this.#reserve(path, options.maxBytes ?? DEFAULT_MAX_BYTES, options.truncate ?? false);
    return refusal ? { ok: false, ...refusal } : this.#reader.read(path, options);
  }

  async readBytes(path: string, options: { maxBytes?: number } = {}): Promise<Uint8Array | undefined> {
    const refusal = await this.#reserve(path, options.maxBytes ?? DEFAULT_MAX_BYTES, false);
    return refusal ? undefined : this.#reader.readBytes(path, options);
  }

  /**
   * Takes the bytes a read will cost from the budget, or refuses it. Sizes are looked up at once (in
   * parallel); the decisions follow the order of the calls.
   */
  #reserve(path: string, maxBytes: number, truncate: boolean): Promise<FileRefusal | undefined> {
    const inspected = this.#reader.inspect(path);
    const turn = this.#turns.then(async (): Promise<FileRefusal | undefined> => {
      const file = await inspected;
      // A file the reader refuses anyway (missing, too large to read whole) costs nothing.
      if (!file.ok || (file.size > maxBytes && !truncate)) return undefined;
      const cost = Math.min(file.size, maxBytes);
      if (this.#spent || cost > this.#left) {
        this.#spent = true;
        this.#onRefused(path);
        return { reason: 'limit', limit: 'bytes', cap: this.#cap };
      }
      this.#left -= cost;
      return undefined;
    });
    this.#turns = turn;
    return turn;
  }
}
