/**
 * Entry point of `dist/cli.js`: wires `main()` to the process. Nothing here
 * may print a stack trace: every failure becomes one line on stderr, exit 2.
 */
import { main } from './cli';

function die(e: unknown): never {
  const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
  try {
    process.stderr.write(`bizflow: internal error: ${detail}\n`);
  } catch {
    // nothing left to tell the user with
  }
  process.exit(2);
}

process.on('uncaughtException', die);
process.on('unhandledRejection', die);

// `bizflow lint . | head`: a closed pipe is not an error worth a message.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    die(e);
  });
}

main(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: !!process.stdout.isTTY,
}).then(
  (code) => {
    process.exitCode = code;
    // Let buffered output drain, then leave even if a library left a handle open.
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  die,
);
