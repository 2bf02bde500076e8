/**
 * Vite's `?raw` imports (a file's text as a string). vite/client declares the same,
 * but tsconfig limits `types` to node, so the one declaration the policy needs lives here.
 */
declare module '*?raw' {
  const text: string;
  export default text;
}
