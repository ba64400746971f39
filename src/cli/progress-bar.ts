export interface ProgressOutput {
  write(text: string): unknown;
  /** A terminal gets one line redrawn in place; anything else gets a line per update. */
  readonly isTTY?: boolean;
}

export interface ProgressBarOptions {
  /** Known total (percent and ETA), or null. */
  total: number | null;
  output: ProgressOutput;
  /** Milliseconds; default `performance.now`. */
  now?: () => number;
  /** Least time between two drawings, default 100 ms on a terminal and 1000 ms otherwise. */
  intervalMs?: number;
  width?: number;
}

/** A whole number with thousands separators (`8,930`), as the bar and the commands' summaries print it. */
export const formatNumber = (value: number): string => Math.round(value).toLocaleString('en-US');

const formatDuration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  return minutes < 60
    ? `${minutes}m${String(whole % 60).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
};

/** A one-line progress bar: percent, count, events per second and ETA. */
export const progressBar = ({
  total,
  output,
  now = () => performance.now(),
  intervalMs = output.isTTY ? 100 : 1000,
  width = 30,
}: ProgressBarOptions) => {
  const started = now();
  let lastDrawn = -Infinity;
  let lastDone: number | null = null;
  /** A terminal's cursor still stands at the end of the line redrawn in place. */
  let lineOpen = false;

  const line = (done: number, elapsedMs: number): string => {
    const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
    const speed = `${formatNumber(rate)} events/s`;
    if (total === null || total <= 0) return `${formatNumber(done)} events  ${speed}`;
    const fraction = Math.min(1, done / total);
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    const percent = `${(fraction * 100).toFixed(0).padStart(3)}%`;
    const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
    return `${bar} ${percent}  ${formatNumber(done)}/${formatNumber(total)} events  ${speed}  ETA ${eta}`;
  };

  const draw = (text: string, final: boolean) => {
    if (output.isTTY) {
      output.write(`\r\u001b[2K${text}${final ? '\n' : ''}`);
      lineOpen = !final;
    } else output.write(`${text}\n`);
  };

  return {
    update(done: number): void {
      const at = now();
      if (at - lastDrawn < intervalMs) return;
      lastDrawn = at;
      lastDone = done;
      draw(line(done, at - started), false);
    },
    /**
     * Draws the final state (a log already showing that count gets no second line) and answers the
     * elapsed milliseconds.
     */
    finish(done: number): number {
      const elapsed = now() - started;
      if (output.isTTY || lastDone !== done) draw(line(done, elapsed), true);
      return elapsed;
    },
    /**
     * Leaves the bar as last drawn when the work stops before its end: on a terminal, ends its line,
     * so that what is printed next (the failure) does not follow the bar on the same line.
     */
    abandon(): void {
      if (lineOpen) output.write('\n');
      lineOpen = false;
    },
  };
};
