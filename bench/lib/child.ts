/** Runs a benchmark child process (plain Node) and reads the JSON it writes to `outPath` (one of `args`). */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export async function runChild<T>(nodeArgs: readonly string[], script: string, args: readonly string[], outPath: string): Promise<T> {
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`bench: ${script} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`})`)),
    );
  });
  return JSON.parse(await readFile(outPath, 'utf8')) as T;
}
