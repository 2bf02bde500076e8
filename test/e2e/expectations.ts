/** Reads a demo page's expectations ("cookie:_ga", "beacon:pixel:www.facebook.com", ...) against findings. */
import type { Finding } from '../../src/core/model';
import type { Expectation } from '../fixtures/server';

/** Expectations this slice of PolicyLens checks (forms are a later detector). */
export const checkable = (expectation: Expectation): boolean => !expectation.startsWith('form:');

export function satisfies(findings: readonly Finding[], expectation: Expectation): boolean {
  const [kind, a, b] = expectation.split(':');
  return findings.some((finding) => {
    switch (kind) {
      case 'cookie':
        return finding.kind === 'cookie' && finding.name === a;
      case 'beacon':
      case 'request':
        return finding.kind === kind && finding.requestKind === a && finding.host === b;
      case 'pii':
        return finding.kind !== 'cookie' && finding.host === b && finding.personalData.includes(a as never);
      default:
        return false;
    }
  });
}

export const missing = (findings: readonly Finding[], expectations: readonly Expectation[]): Expectation[] =>
  expectations.filter(checkable).filter((expectation) => !satisfies(findings, expectation));

/** Findings no expectation accounts for (a control page must have none; a tracking page none beyond its list). */
export function unexpected(findings: readonly Finding[], expectations: readonly Expectation[]): string[] {
  return findings
    .filter((finding) => !expectations.some((expectation) => satisfies([finding], expectation)))
    .map((finding) => finding.id);
}
