/** Reads a demo page's expectations ("cookie:_ga", "beacon:pixel:www.facebook.com", ...) against findings. */
import type { Finding } from '../../src/core/model';
import type { Expectation } from '../fixtures/server';

export function satisfies(findings: readonly Finding[], expectation: Expectation): boolean {
  const [kind, a, ...rest] = expectation.split(':');
  const b = rest.join(':');
  return findings.some((finding) => {
    switch (kind) {
      case 'cookie':
        return finding.kind === 'cookie' && finding.name === a;
      case 'beacon':
      case 'request':
        return finding.kind === kind && finding.requestKind === a && finding.host === b;
      case 'pii':
        return (finding.kind === 'beacon' || finding.kind === 'request') && finding.host === b && finding.personalData.includes(a as never);
      case 'form':
        return finding.kind === 'form' && finding.fields.includes(a as never);
      case 'storage':
        return finding.kind === 'storage' && finding.area === a && finding.key === b;
      case 'leak':
        return finding.kind === 'leak' && finding.host === b && finding.personalData.includes(a as never);
      case 'fingerprint':
      case 'recording':
        return finding.kind === kind && finding.host === a;
      case 'consent':
        return finding.kind === 'consent' && (finding.tool || 'banner') === a;
      default:
        return false;
    }
  });
}

export const missing = (findings: readonly Finding[], expectations: readonly Expectation[]): Expectation[] =>
  expectations.filter((expectation) => !satisfies(findings, expectation));

/** Findings no expectation accounts for (a control page must have none; a tracking page none beyond its list). */
export function unexpected(findings: readonly Finding[], expectations: readonly Expectation[]): string[] {
  return findings
    .filter((finding) => !expectations.some((expectation) => satisfies([finding], expectation)))
    .map((finding) => finding.id);
}
