/**
 * Run the demo site alone (for a headed demo or for poking at it by hand).
 *
 *   npm run demo-site -- --port 8443      (or DEMO_PORT=8443 npm run demo-site)
 *
 * Then start Chromium with the printed flags and open https://www.smartergo.com/.
 */
import { DEMO_PAGES, HOME_URL, startDemoSite } from '../test/fixtures/server';

function portFromArgs(argv: readonly string[]): number {
  let value: string | undefined = process.env['DEMO_PORT'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--port') value = argv[i + 1];
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
  }
  const port = Number(value ?? 8443);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${String(value)}`);
  return port;
}

const site = await startDemoSite({ port: portFromArgs(process.argv) });
const rules = site.hostResolverRules();

console.log(`PolicyLens demo site listening on https://127.0.0.1:${site.port} for ${site.hosts.length} hosts.`);
console.log(`\nOpen: ${HOME_URL}\n\nChromium flags:\n  --host-resolver-rules="${rules}" --ignore-certificate-errors\n`);
console.log(`For example:\n  chromium --user-data-dir=$(mktemp -d) --ignore-certificate-errors --host-resolver-rules="${rules}" ${HOME_URL}\n`);
console.log('Pages:');
for (const page of DEMO_PAGES) console.log(`  ${page.control ? 'control ' : 'tracking'}  ${page.url}`);
console.log(`\nRequest log: ${HOME_URL}__log (POST ${HOME_URL}__log/clear empties it). Ctrl+C stops.`);

const stop = (): void => {
  site.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
