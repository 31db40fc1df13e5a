/**
 * Writes to stdout and resolves once the data is flushed. Calling process.exit() right after a plain write
 * truncates large outputs when stdout is a pipe, so callers set process.exitCode instead and let Node drain.
 */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export function writeStderr(text: string): Promise<void> {
  return new Promise((resolve) => {
    // A failure to report a failure has nowhere left to go; resolve either way.
    process.stderr.write(text, () => resolve());
  });
}

/** `luoshi parse … | head` closes the pipe early; that is the reader's choice, not our error. */
export function ignoreBrokenPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
