// Test-only type declarations for the BSI CSAF validator (it ships JavaScript without .d.ts).
declare module '@secvisogram/csaf-validator-lib/lib/schemaTests/csaf_2_0/schema.js' {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module '@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js' {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module '@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js' {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module '@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js' {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  export type DocumentTest = (doc: unknown) => unknown;
  const tests: Record<string, DocumentTest>;
  export = tests;
}
// lib/validate.js runs the given tests; we pass only the library's own mandatory tests.
declare module '@secvisogram/csaf-validator-lib/lib/validate.js' {
  interface Message {
    message: string;
    instancePath: string;
  }
  export default function validate(
    tests: readonly ((doc: unknown) => unknown)[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: { name: string; isValid: boolean; errors: Message[]; warnings: Message[]; infos: Message[] }[] }>;
}
