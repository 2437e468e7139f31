const PREFIX = '[demo] ';
const CLEAR_LINE = '\r\x1b[2K';

/** Where the demo writes: lines that stay, and the live progress line. */
export interface Display {
  log(line: string): void;
  /** `urgent`: worth a line even if one was printed a moment ago (a new phase). */
  progress(line: { clock: string; state: string }, urgent?: boolean): void;
  /** Leaves the last progress line in place and the cursor on a fresh line. */
  close(): void;
}

/** The display for the stream it writes to: one refreshed line on a terminal, else lines. */
export function displayFor(out: NodeJS.WriteStream): Display {
  return out.isTTY ? new TerminalDisplay(out) : new LineDisplay(out);
}

/** On a terminal: the progress line is rewritten in place, the other lines print above it. */
export class TerminalDisplay implements Display {
  private current = '';

  constructor(private readonly out: NodeJS.WriteStream) {}

  log(line: string): void {
    this.out.write(`${CLEAR_LINE}${PREFIX}${line}\n`);
    this.draw();
  }

  progress({ clock, state }: { clock: string; state: string }): void {
    this.current = `${PREFIX}${clock} | ${state}`;
    this.out.write(CLEAR_LINE);
    this.draw();
  }

  close(): void {
    if (this.current) this.out.write('\n');
    this.current = '';
  }

  private draw(): void {
    // A line wider than the terminal wraps, and `\r` would then rewrite only its last part.
    const width = Math.max(20, (this.out.columns ?? 120) - 1);
    const line =
      this.current.length > width ? `${this.current.slice(0, width - 1)}…` : this.current;
    this.out.write(line);
  }
}

/**
 * Into a pipe or a file: a progress line when the state changed, at most every ten seconds (a
 * new phase at once), so that a log stays readable.
 */
export class LineDisplay implements Display {
  private lastPrinted = '';
  private lastPrintedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly everyMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  log(line: string): void {
    this.out.write(`${PREFIX}${line}\n`);
  }

  progress({ clock, state }: { clock: string; state: string }, urgent = false): void {
    if (state === this.lastPrinted) return;
    if (!urgent && this.now() - this.lastPrintedAt < this.everyMs) return;
    this.out.write(`${PREFIX}${clock} | ${state}\n`);
    this.lastPrinted = state;
    this.lastPrintedAt = this.now();
  }

  close(): void {}
}
