/**
 * Forms that ask for personal information, read from the DOM: each field's type,
 * autocomplete tokens, name, id, label and placeholder (never its value) go to the
 * recogniser in the core. A form is reported once per distinct target and set of
 * items; fields outside any <form> count as a form that posts to the page itself.
 */
import type { FormFieldKind, FormObservation } from '../../core/model';
import { recogniseField, recogniseForm, type FieldDescription } from '../../core/classify/form-fields';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A page with more fields than this is not a form a visitor fills in (an editor, a spreadsheet). */
const MAX_FIELDS = 1_000;
const MAX_LABEL = 200;

const isField = (el: Element | null): el is Field =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

function labelOf(field: Field): string {
  const parts: string[] = [];
  const aria = field.getAttribute('aria-label');
  if (aria) parts.push(aria);
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) {
      const text = field.ownerDocument.getElementById(id)?.textContent;
      if (text) parts.push(text);
    }
  }
  for (const label of Array.from(field.labels ?? [])) {
    // The label's own words, without the text of the field's options or nested inputs.
    const clone = label.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('select, option, textarea').forEach((child) => child.remove());
    if (clone.textContent) parts.push(clone.textContent);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL);
}

export function describeField(field: Field): FieldDescription {
  const type = field instanceof HTMLInputElement ? field.type : field instanceof HTMLSelectElement ? 'select' : 'textarea';
  return {
    type,
    autocomplete: field.getAttribute('autocomplete') ?? undefined,
    name: field.getAttribute('name') ?? undefined,
    id: field.id || undefined,
    label: labelOf(field) || undefined,
    placeholder: field.getAttribute('placeholder') ?? undefined,
  };
}

/** What one field asks for, for an element the visitor typed into. */
export function fieldKind(target: EventTarget | null): FormFieldKind | undefined {
  return target instanceof Element && isField(target) ? recogniseField(describeField(target)) : undefined;
}

/** The forms on the page that ask for personal information. */
export function scanForms(doc: Document): FormObservation[] {
  const fields = Array.from(doc.querySelectorAll('input, select, textarea')).filter(isField).slice(0, MAX_FIELDS);
  const byForm = new Map<HTMLFormElement | null, FieldDescription[]>();
  for (const field of fields) {
    const list = byForm.get(field.form) ?? [];
    list.push(describeField(field));
    byForm.set(field.form, list);
  }
  const out: FormObservation[] = [];
  for (const [form, descriptions] of byForm) {
    const kinds = recogniseForm(descriptions);
    if (kinds.length === 0) continue;
    // form.action is the resolved URL (the page itself when the attribute is missing).
    const action = form ? form.action : doc.location.href;
    const method = form ? (form.getAttribute('method') ?? 'get').toLowerCase() : 'post';
    out.push({ source: 'form', action, method, fields: kinds });
  }
  return out;
}

/** Reports each form once, and again only when it asks for more. */
export class FormWatcher {
  private readonly reported = new Map<string, string>();

  constructor(
    private readonly doc: Document,
    private readonly report: (observation: FormObservation) => void,
  ) {}

  /** Forgets what was reported (a page back from the back/forward cache starts a new record). */
  reset(): void {
    this.reported.clear();
  }

  check(): void {
    let forms: FormObservation[];
    try {
      forms = scanForms(this.doc);
    } catch {
      return; // a page that broke its own DOM mid-change; the next look will do
    }
    for (const form of forms) {
      const key = `${form.method} ${form.action}`;
      const signature = [...form.fields].sort().join(',');
      if (this.reported.get(key) === signature) continue;
      this.reported.set(key, signature);
      this.report(form);
    }
  }
}
