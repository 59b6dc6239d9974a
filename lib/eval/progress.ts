// A one-line progress bar, only on a terminal: a file or a pipe gets nothing.

export interface Progress {
  update(done: number, total: number, label: string): void;
  /** Clears the bar, so what is printed next starts on a clean line. */
  finish(): void;
}

const WIDTH = 28;

export function progressBar(stream: NodeJS.WriteStream): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let drawn = false;
  return {
    update(done, total, label) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const columns = stream.columns ?? 80;
      const text = `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${done}/${total} ${label}`.slice(0, Math.max(10, columns - 1));
      stream.write(`\r\x1b[2K${text}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
