/**
 * Small dependency-free validators that return a result instead of throwing.
 * Every message that crosses a context boundary goes through one of these.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Result<T> => ({ ok: false, error });

export type Validator<T> = (input: unknown, path?: string) => Result<T>;

export const isRecord = (input: unknown): input is Record<string, unknown> =>
  typeof input === 'object' && input !== null && !Array.isArray(input);

export const string =
  (maxLength: number): Validator<string> =>
  (input, path = 'value') =>
    typeof input !== 'string'
      ? fail(`${path} must be a string`)
      : input.length > maxLength
        ? fail(`${path} is longer than ${maxLength} characters`)
        : ok(input);

export const boolean: Validator<boolean> = (input, path = 'value') =>
  typeof input === 'boolean' ? ok(input) : fail(`${path} must be true or false`);

export const integer =
  (min: number, max: number): Validator<number> =>
  (input, path = 'value') =>
    typeof input === 'number' && Number.isInteger(input) && input >= min && input <= max
      ? ok(input)
      : fail(`${path} must be a whole number from ${min} to ${max}`);

export const literal =
  <const T extends string>(...allowed: T[]): Validator<T> =>
  (input, path = 'value') =>
    typeof input === 'string' && (allowed as string[]).includes(input)
      ? ok(input as T)
      : fail(`${path} must be one of ${allowed.join(', ')}`);

export const optional =
  <T>(validator: Validator<T>): Validator<T | undefined> =>
  (input, path) =>
    input === undefined ? ok(undefined) : validator(input, path);

export const array =
  <T>(item: Validator<T>, maxItems: number): Validator<T[]> =>
  (input, path = 'value') => {
    if (!Array.isArray(input)) return fail(`${path} must be a list`);
    if (input.length > maxItems) return fail(`${path} has more than ${maxItems} items`);
    const values: T[] = [];
    for (const [index, element] of input.entries()) {
      const result = item(element, `${path}[${index}]`);
      if (!result.ok) return result;
      values.push(result.value);
    }
    return ok(values);
  };

type Shape<T> = { [K in keyof T]-?: Validator<T[K]> };

/** An object with exactly these fields (unknown fields are dropped, not copied). */
export const object =
  <T extends object>(shape: Shape<T>): Validator<T> =>
  (input, path = 'value') => {
    if (!isRecord(input)) return fail(`${path} must be an object`);
    const value: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const result = shape[key](input[key], `${path}.${key}`);
      if (!result.ok) return result;
      if (result.value !== undefined) value[key] = result.value;
    }
    return ok(value as T);
  };

/** One of several object shapes, told apart by a string field (e.g. "type"). */
export const tagged =
  <T>(tag: string, variants: Record<string, Validator<T>>): Validator<T> =>
  (input, path = 'value') => {
    if (!isRecord(input)) return fail(`${path} must be an object`);
    const name = input[tag];
    const variant = typeof name === 'string' && Object.hasOwn(variants, name) ? variants[name] : undefined;
    return variant ? variant(input, path) : fail(`${path}.${tag} is not one of ${Object.keys(variants).join(', ')}`);
  };

/** A record whose keys pass `key` and whose values pass `value`, at most `maxEntries` of them. */
export const record =
  <K extends string, V>(key: Validator<K>, value: Validator<V>, maxEntries: number): Validator<Partial<Record<K, V>>> =>
  (input, path = 'value') => {
    if (!isRecord(input)) return fail(`${path} must be an object`);
    const entries = Object.entries(input);
    if (entries.length > maxEntries) return fail(`${path} has more than ${maxEntries} entries`);
    const out: Partial<Record<K, V>> = {};
    for (const [k, v] of entries) {
      const checkedKey = key(k, `${path} key`);
      if (!checkedKey.ok) return checkedKey;
      const checkedValue = value(v, `${path}.${k}`);
      if (!checkedValue.ok) return checkedValue;
      out[checkedKey.value] = checkedValue.value;
    }
    return ok(out);
  };

/** A string matching `pattern` (and at most `maxLength` long). */
export const matching =
  <T extends string = string>(pattern: RegExp, maxLength: number, what: string): Validator<T> =>
  (input, path = 'value') => {
    const checked = string(maxLength)(input, path);
    if (!checked.ok) return checked;
    return pattern.test(checked.value) ? ok(checked.value as T) : fail(`${path} must be ${what}`);
  };
