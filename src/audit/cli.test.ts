import { describe, expect, it } from 'vitest';
import { main, parseCli, resolverRule } from './cli';

describe('parseCli', () => {
  it('has defaults a CI user expects', () => {
    expect(parseCli(['audit'])).toMatchObject({
      urls: [],
      resolve: [],
      format: 'json',
      failOn: 'contradicts',
      timeoutMs: 30_000,
      maxPages: undefined,
      timestamps: true,
      build: true,
      insecure: false,
    });
  });

  it('reads every option', () => {
    expect(
      parseCli([
        'audit',
        'https://www.smartergo.com/',
        '--resolve',
        'www.smartergo.com:127.0.0.1:8443',
        '--resolve=shop.smartergo.com:10.0.0.2',
        '--format',
        'markdown',
        '--out',
        'r.md',
        '--fail-on',
        'not-covered',
        '--max-pages',
        '5',
        '--timeout',
        '1000',
        '--policy-url',
        'https://www.smartergo.com/legal/privacy',
        '--no-timestamp',
        '--no-build',
        '--insecure',
      ]),
    ).toMatchObject({
      urls: ['https://www.smartergo.com/'],
      resolve: ['www.smartergo.com:127.0.0.1:8443', 'shop.smartergo.com:10.0.0.2'],
      format: 'markdown',
      out: 'r.md',
      failOn: 'not-covered',
      maxPages: 5,
      timeoutMs: 1000,
      policyUrl: 'https://www.smartergo.com/legal/privacy',
      timestamps: false,
      build: false,
      insecure: true,
    });
  });

  it.each([
    [['audit', '--format', 'pdf'], /--format must be one of json, markdown, html/],
    [['audit', '--fail-on', 'sometimes'], /--fail-on must be one of contradicts, not-covered, never/],
    [['audit', '--max-pages', '0'], /--max-pages must be a positive whole number/],
    [['audit', '--timeout', 'soon'], /--timeout must be a positive whole number/],
    [['audit', '--resolve', 'www.smartergo.com'], /--resolve takes HOST:IP\[:PORT\]/],
    [['audit', '--colour'], /Unknown option '--colour'/],
    [['audit', 'not a url'], /is not a URL/],
    [['audit', 'https://example.com/'], /not a SmartErgo page/],
    [['audit', 'ftp://www.smartergo.com/'], /not an http\(s\) URL/],
    [['scan'], /Unknown command "scan"/],
    [[], /Say what to do/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });
});

describe('resolverRule', () => {
  it('maps a host to an address for Chromium', () => {
    expect(resolverRule('www.smartergo.com:127.0.0.1:8443')).toBe('MAP www.smartergo.com 127.0.0.1:8443');
    expect(resolverRule('www.smartergo.com:10.1.2.3')).toBe('MAP www.smartergo.com 10.1.2.3');
    expect(resolverRule('www.smartergo.com:[::1]:8443')).toBe('MAP www.smartergo.com [::1]:8443');
  });
});

describe('main', () => {
  it('answers a usage error with exit code 2 and a clear message on stderr, nothing on stdout', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['audit', '--format', 'pdf'], { stdout: async (t) => void out.push(t), stderr: (l) => void err.push(l) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/^policylens: --format must be one of json, markdown, html, not "pdf"\./);
  });

  it('prints the help with exit code 0', async () => {
    const out: string[] = [];
    expect(await main(['--help'], { stdout: async (t) => void out.push(t), stderr: () => undefined })).toBe(0);
    expect(out.join('')).toMatch(/Exit codes: 0 nothing reaches --fail-on; 1 something does; 2/);
  });
});
