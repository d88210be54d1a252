/**
 * The peer baseline: Red Hat's yaml-language-server (the engine behind the
 * YAML extension for VS Code), validating a BizFlow file against the
 * committed JSON Schema `schemas/bizflow.schema.json`, in this process,
 * through its programmatic API.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type LanguageService } from 'yaml-language-server';

export const SCHEMA_URI = 'file:///bizflow/schemas/bizflow.schema.json';

export interface Peer {
  service: LanguageService;
  /** Validates one text as the next version of one document (as a server sees an edit); returns the number of diagnostics. */
  validate(text: string): Promise<number>;
  version: string;
}

export function createPeer(repoRoot: string): Peer {
  const schemaFile = path.join(repoRoot, 'schemas', 'bizflow.schema.json');
  const schemaText = fs.readFileSync(schemaFile, 'utf8');
  const service = getLanguageService({
    schemaRequestService: async (uri: string) => {
      if (uri === SCHEMA_URI) return schemaText;
      throw new Error(`no network: ${uri}`);
    },
    workspaceContext: { resolveRelativePath: (rel: string, resource: string) => new URL(rel, resource).toString() },
  });
  service.configure({
    validate: true,
    hover: false,
    completion: false,
    format: false,
    isKubernetes: false,
    yamlVersion: '1.2',
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.bizflow.yaml', '*.bizflow.yml'], schema: JSON.parse(schemaText) }],
  });
  let n = 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = (require('yaml-language-server/package.json') as { version: string }).version;
  return {
    service,
    version,
    async validate(text: string) {
      // one URI, a new version each call: its parse cache never hits, and never grows
      const doc = TextDocument.create('file:///bench/flow.bizflow.yaml', 'yaml', ++n, text);
      const diags = await service.doValidation(doc, false);
      return diags.length;
    },
  };
}
