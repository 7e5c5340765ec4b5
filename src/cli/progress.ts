/** A progress bar on a terminal's stderr, redrawn at most every 1% and cleared at the end. */
export interface Progress {
  readonly update: (done: number) => void;
  readonly end: () => void;
}

const WIDTH = 30;

export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (!stream.isTTY || total === 0) return undefined;
  let shown = -1;
  const draw = (done: number): void => {
    const filled = Math.round((done / total) * WIDTH);
    stream.write(`\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total} ${label}`);
  };
  return {
    update: (done) => {
      const percent = Math.floor((done / total) * 100);
      if (percent === shown && done !== total) return;
      shown = percent;
      draw(done);
    },
    end: () => void stream.write("\r\x1b[2K"),
  };
}
