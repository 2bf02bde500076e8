/**
 * Entry point of the `policylens` command (bin/policylens.mjs runs it through Vite's
 * module runner): runs the CLI with the process's arguments and streams, then exits
 * once standard output is flushed, so a piped report is written in full.
 */
import { main } from './cli';

const write = (text: string): Promise<void> =>
  new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));

const code = await main(process.argv.slice(2), {
  stdout: write,
  stderr: (line) => process.stderr.write(`${line}\n`),
});
process.exit(code);
