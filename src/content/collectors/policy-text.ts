/**
 * The text of a privacy-policy page as blocks (headings and paragraphs, one per
 * paragraph break), the form parsePolicy reads. Self-contained on purpose: the
 * audit runs this same function in the page through Playwright's evaluate.
 */
export function readPolicyText(): string {
  const root =
    document.querySelector('#privacy-policy, [data-privacy-policy], article') ?? document.querySelector('main') ?? document.body;
  if (!root) return '';
  const blockSelector = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd';
  return Array.from(root.querySelectorAll<HTMLElement>(blockSelector))
    // Only the innermost blocks: a list item holding a paragraph gives its text once.
    .filter((element) => !element.querySelector(blockSelector))
    // Collapse the page's line wrapping, but keep no-break spaces: the policy has some.
    .map((element) => (element.innerText ?? element.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim())
    .filter((text) => text !== '')
    .join('\n\n');
}

/** SmartErgo's policy lives at a path that names it (/privacy, /privacy-policy, ...). */
export const isPolicyPath = (pathname: string): boolean => /privacy/i.test(pathname);
